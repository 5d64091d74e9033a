/// The vocabulary the generator draws from. Lists are written as space-separated strings
/// and encoded once; every choice is made by the seeded generator, so output is stable as
/// long as these lists do not change.
enum WordBank {
    static func words(_ list: String) -> [Word] {
        list.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Word(String($0)) }
    }

    static func lines(_ list: String) -> [String] {
        list.split(separator: "\n").map(String.init)
    }

    static let determiners = words("the the the the a a a this that every each another one no our their its")

    static let adjectives = words("""
        quiet early late local northern southern coastal urban rural small large narrow wide \
        old new cheap costly careful bold steady sudden gradual public private bright dim \
        wet dry cold warm busy empty crowded patient curious modest ambitious familiar strange \
        hidden visible shared lonely noisy fragile sturdy seasonal weekly nightly rapid slow \
        electric wooden tidal salty green grey golden rusty fresh stale bitter sweet honest \
        careful hopeful tired lively distant nearby complex simple rough smooth heavy light
        """)

    static let nouns = words("""
        harbour ferry market bakery tram bridge council river garden library station \
        orchard kitchen festival stadium museum laboratory river street square reservoir \
        bicycle schedule budget ticket neighbour engineer farmer baker teacher driver nurse \
        tide storm forecast harvest pantry recipe season coastline lighthouse warehouse \
        battery sensor network signal server archive ledger notebook microscope telescope \
        glacier meadow hillside valley island canal dock crane lantern window rooftop \
        courtyard playground classroom workshop studio theatre choir orchestra league match \
        referee goalkeeper runner cyclist swimmer coach season trophy fixture crowd banner \
        committee survey report study sample dataset model prototype patent startup \
        supplier customer visitor resident commuter tourist volunteer student researcher
        """)

    static let verbs = words("""
        reshaped followed crossed opened closed measured tested watched counted repaired \
        delayed welcomed replaced questioned explained doubled halved moved carried \
        gathered noticed planned promised refused surprised trained visited warned built \
        painted mapped recorded served shared sold bought borrowed changed cleared \
        described divided earned finished guided joined lifted needed offered ordered
        """)

    static let adverbs = words("""
        quietly slowly quickly rarely often nearly barely already still suddenly \
        gradually steadily finally clearly mostly partly openly carefully gently
        """)

    static let prepositions = words("along across beside behind near under over through beyond inside around after before during without toward")

    static let conjunctions = words("and but while because although since so yet whereas")

    static let places = words("""
        Marrowby Kelsford Dunmere Ashcombe Varlow Tidewick Brennan Halloway Peskett Morrow \
        Lindqvist Ostrava Castellane Porthleven Ravensholm Eastgate Saltmarsh Wrenfield
        """)

    static let firstNames = lines("""
        Maren
        Tobias
        Ines
        Kofi
        Aurelie
        Dmitri
        Saoirse
        Haruto
        Lucia
        Obinna
        Freya
        Rafael
        Noor
        Elias
        Mireille
        Ansel
        Priya
        Jonah
        Camille
        Wen
        """)

    static let lastNames = lines("""
        Holloway
        Achterberg
        Quinlan
        Mensah
        Duret
        Volkov
        Brannigan
        Sato
        Ferreira
        Okafor
        Lindgren
        Castell
        Haddad
        Marsh
        Fontaine
        Pryce
        Raman
        Whitlock
        Beaumont
        Zhou
        """)

    static let sites = lines("""
        The Lantern Post
        Harbour Ledger
        Northwind Review
        The Tidewick Courier
        Saltmarsh Weekly
        Field & Circuit
        The Copper Kettle
        Eastgate Evening News
        """)

    static let siteDomains = lines("""
        lanternpost.example
        harbourledger.example
        northwindreview.example
        tidewickcourier.example
        saltmarshweekly.example
        fieldandcircuit.example
        copperkettle.example
        eastgate-news.example
        """)

    static let agencies = lines("""
        Meridian Pictures
        Coastline Photo Agency
        Northlight Images
        Parallax Press
        Unframed Studio
        """)

    static let months = lines("""
        January
        February
        March
        April
        May
        June
        July
        August
        September
        October
        November
        December
        """)

    static let shareLines = lines("""
        Spread the love
        Share this article
        Share on Facebook
        Tweet this
        """)

    static let promoTemplates = lines("""
        📩 Get the %SITE% morning brief in your inbox every weekday.
        🔔 Follow %SITE% on your favourite app so you never miss a story.
        📰 Subscribe to %SITE% for unlimited reading — first month free.
        👉 Enjoyed this? Sign up for our newsletter and get %SITE% every Friday.
        """)

    static let bioTemplates = lines("""
        has covered city affairs for %SITE% since 2016 and still commutes by ferry.
        writes about science and the people who do it, and once spent a winter at a polar station.
        is a former chef who now reports on food, farming and the markets that connect them.
        edits the weekend pages and has a soft spot for stories about small museums.
        reports on technology and infrastructure, with a particular interest in things that break.
        joined %SITE% from a regional radio station, where she presented the morning programme.
        covers sport at every level, from village leagues to the national team.
        is a climate correspondent based on the coast, writing about water, weather and land.
        """)

    static let summaryHeaders = lines("""
        Key points
        In brief
        TL;DR
        """)

    static let cjkSentences = lines("""
        東京の朝は静かで、駅のホームにはコーヒーの香りが漂っていた。
        港の市場では、漁師たちが夜明け前から新鮮な魚を並べている。
        这座城市的图书馆每天晚上都坐满了学生和退休的老人。
        新しい路面電車は、住民の生活を少しずつ変えつつある。
        서울의 작은 골목에는 오래된 빵집이 아직도 문을 열고 있다.
        雨の日には、川沿いの道を歩く人が少なくなる。
        """)

    static let emoji = lines("""
        🚲
        🌧️
        ☕
        📈
        🎧
        🌊
        🍞
        ⚽
        🔭
        🌱
        """)

    static let brokenEntities = lines("""
         ;#8217;
         &# 8211;
         &amp;amp;
         &#8230;
         &nbsp;
        """)
}

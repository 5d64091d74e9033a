/// The element names that extraction treats specially; every other element is `.other`.
enum HTMLTag: UInt8, Sendable {
    case text, other
    case html, head, body, title, meta, link, base, script, style, noscript, template, iframe, object, embed
    case svg, canvas, audio, video, picture, source, img, math
    case form, input, textarea, select, option, button, label, fieldset
    case nav, aside, footer, header, main, article, section, div, span, p, br, hr, a
    case h1, h2, h3, h4, h5, h6
    case ul, ol, li, dl, dt, dd, blockquote, pre, code, figure, figcaption, caption
    case table, thead, tbody, tfoot, tr, td, th
    case address, details, summary, center, time, dialog, menu

    /// The tag for a lowercased element name.
    static func named(_ name: String) -> HTMLTag { byName[name] ?? .other }

    static let byName: [String: HTMLTag] = [
        "html": .html, "head": .head, "body": .body, "title": .title, "meta": .meta, "link": .link, "base": .base,
        "script": .script, "style": .style, "noscript": .noscript, "template": .template, "iframe": .iframe,
        "object": .object, "embed": .embed, "svg": .svg, "canvas": .canvas, "audio": .audio, "video": .video,
        "picture": .picture, "source": .source, "img": .img, "math": .math, "form": .form, "input": .input,
        "textarea": .textarea, "select": .select, "option": .option, "button": .button, "label": .label,
        "fieldset": .fieldset, "nav": .nav, "aside": .aside, "footer": .footer, "header": .header, "main": .main,
        "article": .article, "section": .section, "div": .div, "span": .span, "p": .p, "br": .br, "hr": .hr,
        "a": .a, "h1": .h1, "h2": .h2, "h3": .h3, "h4": .h4, "h5": .h5, "h6": .h6, "ul": .ul, "ol": .ol,
        "li": .li, "dl": .dl, "dt": .dt, "dd": .dd, "blockquote": .blockquote, "pre": .pre, "code": .code,
        "figure": .figure, "figcaption": .figcaption, "caption": .caption, "table": .table, "thead": .thead,
        "tbody": .tbody, "tfoot": .tfoot, "tr": .tr, "td": .td, "th": .th, "address": .address,
        "details": .details, "summary": .summary, "center": .center, "time": .time, "dialog": .dialog, "menu": .menu,
    ]

    /// Heading level 1–6, or `nil`.
    var headingLevel: Int? {
        switch self {
        case .h1: return 1
        case .h2: return 2
        case .h3: return 3
        case .h4: return 4
        case .h5: return 5
        case .h6: return 6
        default: return nil
        }
    }

    /// Elements that never hold article text (their content is dropped with them).
    var isNeverContent: Bool {
        switch self {
        case .head, .script, .style, .noscript, .template, .iframe, .object, .embed, .svg, .canvas, .audio, .video,
             .input, .textarea, .select, .option, .button, .dialog, .meta, .link, .base, .title:
            return true
        default:
            return false
        }
    }

    /// Elements that start a new block of text (a paragraph boundary) when written out.
    var isBlock: Bool {
        switch self {
        case .p, .div, .section, .article, .main, .header, .footer, .nav, .aside, .h1, .h2, .h3, .h4, .h5, .h6,
             .ul, .ol, .li, .dl, .dt, .dd, .blockquote, .pre, .figure, .figcaption, .caption, .table, .thead,
             .tbody, .tfoot, .tr, .td, .th, .address, .details, .summary, .center, .form, .fieldset, .hr, .br,
             .body, .html, .menu:
            return true
        default:
            return false
        }
    }
}

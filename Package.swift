// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Bulletin",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bulletin", targets: ["bulletin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.17.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Pure core: the article model, text cleanup, parsers and the library index.
        .target(name: "Articles", dependencies: ["CLibXML2"]),
        // Read state and favorites in durable JSON files.
        .target(name: "Storage", dependencies: ["Articles"]),
        // System ncursesw through a module map and a shim header.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // System libxml2: the HTML parser (htmlReadMemory) and the XML reader, through pkg-config.
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Pure feed parsing: RSS, RDF, Atom, JSON Feed and OPML; feed items as articles; file names.
        .target(name: "Feeds", dependencies: ["Articles", "CLibXML2"]),
        // Feeds and pages from the web: the HTTP client with its limits (HTTP/), subscriptions and refresh.
        .target(
            name: "Fetching",
            dependencies: [
                "Articles", "Storage", "Feeds",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // The interactive reader: state, actions, views, and the ncurses backend.
        .target(name: "ReaderUI", dependencies: ["Articles", "Storage", "CNcursesw"]),
        // config.toml -> typed settings (keys, theme, reader, library, feeds) with file:line:col errors.
        .target(
            name: "Settings",
            dependencies: ["Articles", "ReaderUI", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // The command-line executable.
        .executableTarget(
            name: "bulletin",
            dependencies: [
                "Articles", "Storage", "ReaderUI", "Settings", "Feeds", "Fetching",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Deterministic synthetic corpus generator for benchmarks and stress tests.
        .executableTarget(name: "bulletin-corpus", dependencies: ["Articles"]),
        // In-process benchmarks (reducer + view key handling, layout, storage, HTML extraction, feed parsing).
        .executableTarget(name: "bulletin-bench", dependencies: ["Articles", "Storage", "ReaderUI", "Feeds", "CLibXML2"]),
        // Helpers shared by the test targets: processes, temp folders, tmux.
        .target(name: "BulletinTestSupport", path: "Tests/BulletinTestSupport"),
        // A FileSystem that fails (EIO, ENOSPC) or stops a durable write after any step.
        .target(name: "StorageTestSupport", dependencies: ["Storage"], path: "Tests/StorageTestSupport"),
        .testTarget(name: "ArticlesTests", dependencies: ["Articles", "BulletinTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "FeedsTests", dependencies: ["Feeds", "Articles", "BulletinTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "Articles", "BulletinTestSupport", "StorageTestSupport"]),
        .testTarget(
            name: "ReaderUITests",
            dependencies: [
                "ReaderUI", "Articles", "Storage", "BulletinTestSupport",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ]
        ),
        .testTarget(name: "FetchingTests", dependencies: ["Fetching", "Articles", "BulletinTestSupport", "Storage", "StorageTestSupport"]),
        .testTarget(name: "BulletinCLITests", dependencies: ["Articles", "BulletinTestSupport"]),
        .testTarget(name: "SettingsTests", dependencies: ["Settings", "ReaderUI", "Articles", "BulletinTestSupport"]),
        // The fuzz targets' invariant checks (shared with the libFuzzer harnesses in Fuzz/)
        // and the replay of Tests/Fixtures/fuzz-regressions.
        .testTarget(name: "FuzzTests", dependencies: ["Articles", "Storage", "ReaderUI", "Feeds", "Settings"]),
    ]
)

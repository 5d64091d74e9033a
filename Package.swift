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
        // The interactive reader: state, actions, views, and the ncurses backend.
        .target(name: "ReaderUI", dependencies: ["Articles", "Storage", "CNcursesw"]),
        // config.toml -> typed settings (keys, theme, reader, library, feeds) with file:line:col errors.
        .target(
            name: "Settings",
            dependencies: ["ReaderUI", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // The command-line executable.
        .executableTarget(
            name: "bulletin",
            dependencies: [
                "Articles", "Storage", "ReaderUI", "Feeds", "Settings",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Deterministic synthetic corpus generator for benchmarks and stress tests.
        .executableTarget(name: "bulletin-corpus", dependencies: ["Articles"]),
        // In-process benchmarks (reducer + view key handling, layout, storage, HTML extraction).
        .executableTarget(name: "bulletin-bench", dependencies: ["Articles", "Storage", "ReaderUI", "CLibXML2"]),
        // Helpers shared by the test targets: processes, temp folders, tmux.
        .target(name: "BulletinTestSupport", path: "Tests/BulletinTestSupport"),
        .testTarget(name: "ArticlesTests", dependencies: ["Articles", "BulletinTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "FeedsTests", dependencies: ["Feeds", "Articles", "BulletinTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "Articles", "BulletinTestSupport"]),
        .testTarget(
            name: "ReaderUITests",
            dependencies: [
                "ReaderUI", "Articles", "Storage", "BulletinTestSupport",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ]
        ),
        .testTarget(name: "BulletinCLITests", dependencies: ["Articles", "BulletinTestSupport"]),
        .testTarget(name: "SettingsTests", dependencies: ["Settings", "ReaderUI", "BulletinTestSupport"]),
        // The fuzz targets' invariant checks (shared with the libFuzzer harnesses in Fuzz/)
        // and the replay of Tests/Fixtures/fuzz-regressions.
        .testTarget(name: "FuzzTests", dependencies: ["Articles", "Storage", "ReaderUI", "Feeds", "Settings"]),
    ]
)

import BulletinTestSupport
import Foundation
import XCTest

@testable import Fetching

/// A test case with the python3 test server on 127.0.0.1 and a fetcher with short timeouts.
///
/// One server (and its file root) serves every test of a class; each test starts with the
/// server's request log cleared and its own fetcher.
class LocalServerTestCase: XCTestCase {
    var server: LocalHTTPServer!
    var root: TemporaryDirectory!
    var fetcher: HTTPFetcher!

    nonisolated(unsafe) private static var servers: [ObjectIdentifier: (LocalHTTPServer, TemporaryDirectory)] = [:]

    /// Short timeouts so failure cases take about a second; the documented body caps.
    static let testLimits = HTTPLimits(
        connectTimeout: .seconds(2), lowSpeedBytesPerSecond: 1024, lowSpeedWindow: .seconds(1),
        totalTimeout: .seconds(4))

    override class func setUp() {
        super.setUp()
        guard let root = try? TemporaryDirectory(prefix: "bulletin-http"),
              let server = try? LocalHTTPServer.start(root: root.url)
        else { return }
        servers[ObjectIdentifier(self)] = (server, root)
    }

    override class func tearDown() {
        if let (server, root) = servers.removeValue(forKey: ObjectIdentifier(self)) {
            server.stop()
            root.remove()
        }
        super.tearDown()
    }

    override func setUp() async throws {
        guard let (server, root) = Self.servers[ObjectIdentifier(type(of: self))] else {
            throw LocalHTTPServerError.noPort
        }
        self.server = server
        self.root = root
        try server.clearRequests()
        fetcher = HTTPFetcher(limits: Self.testLimits)
    }

    override func tearDown() async throws {
        try await fetcher?.shutdown()
    }

    /// Fetches a path of the test server.
    func fetch(_ path: String, kind: FetchKind = .feed, conditional: ConditionalHeaders? = nil) async -> FetchResult {
        await fetcher.fetch(url: server.url(path), kind: kind, conditional: conditional)
    }

    /// The document of an `.ok` result, failing the test otherwise.
    func document(_ result: FetchResult, file: StaticString = #filePath, line: UInt = #line) throws -> FetchedDocument {
        guard case .ok(let document) = result else {
            XCTFail("expected a document, got \(result)", file: file, line: line)
            throw UnexpectedResult()
        }
        return document
    }

    /// The error of a `.failed` result, or nil (failing the test) otherwise.
    func failure(_ result: FetchResult, file: StaticString = #filePath, line: UInt = #line) -> FetchError? {
        guard case .failed(let error) = result else {
            XCTFail("expected a failure, got \(result.statusLine)", file: file, line: line)
            return nil
        }
        return error
    }
}

/// Thrown by ``LocalServerTestCase/document(_:file:line:)`` after it recorded the failure.
struct UnexpectedResult: Error {}

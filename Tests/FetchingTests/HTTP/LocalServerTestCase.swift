import BulletinTestSupport
import Foundation
import XCTest

@testable import Fetching

/// A test case with the python3 test server on 127.0.0.1 and a fetcher with short timeouts.
class LocalServerTestCase: XCTestCase {
    var server: LocalHTTPServer!
    var root: TemporaryDirectory!
    var fetcher: HTTPFetcher!

    /// Short timeouts so failure cases take about a second; the documented body caps.
    static let testLimits = HTTPLimits(
        connectTimeout: .seconds(2), lowSpeedBytesPerSecond: 1024, lowSpeedWindow: .seconds(1),
        totalTimeout: .seconds(4))

    override func setUp() async throws {
        root = try TemporaryDirectory(prefix: "bulletin-http")
        server = try LocalHTTPServer.start(root: root.url)
        fetcher = HTTPFetcher(limits: Self.testLimits)
    }

    override func tearDown() async throws {
        try await fetcher?.shutdown()
        server?.stop()
        root?.remove()
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

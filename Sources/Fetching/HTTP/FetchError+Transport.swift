import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTPCompression
import NIOPosix
import NIOSSL

extension FetchError {
    /// Translates whatever a fetch threw (the client's, SwiftNIO's, or our own errors) into words.
    static func from(_ error: Error, url: URL, limits: HTTPLimits, kind: FetchKind) -> FetchError {
        if let error = error as? FetchError { return error }
        let host = url.host ?? url.absoluteString
        if error is CancellationError { return .cancelled }
        if let error = error as? NIOHTTPDecompression.DecompressionError {
            switch error {
            case .limit: return .tooLarge(limit: limits.bodyLimit(for: kind))
            default: return .badCompression
            }
        }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .tlsHandshakeTimeout: return .connectTimeout(limits.connectTimeout)
            case .readTimeout: return .stalled(limits.lowSpeedWindow)
            case .deadlineExceeded: return .totalTimeout(limits.totalTimeout)
            case .remoteConnectionClosed: return .connectionClosed
            case .cancelled: return .cancelled
            case .invalidURL, .emptyHost, .emptyScheme: return .invalidURL(url.absoluteString)
            default: return .transport(String(describing: error))
            }
        }
        if let error = error as? NIOConnectionError {
            if error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
                return .hostNotFound(host)
            }
            for failure in error.connectionErrors {
                if let io = failure.error as? IOError, io.errnoCode == ECONNREFUSED {
                    return .connectionRefused(Self.hostAndPort(url))
                }
            }
            return .transport("could not connect to \(Self.hostAndPort(url))")
        }
        if let io = error as? IOError {
            switch io.errnoCode {
            case ECONNREFUSED: return .connectionRefused(Self.hostAndPort(url))
            case ECONNRESET, EPIPE: return .connectionClosed
            default: return .transport(String(describing: io))
            }
        }
        if error is NIOSSLError { return .tlsFailure(String(describing: error)) }
        if let error = error as? ChannelError {
            switch error {
            case .connectTimeout: return .connectTimeout(limits.connectTimeout)
            case .eof, .ioOnClosedChannel, .alreadyClosed: return .connectionClosed
            default: return .transport(String(describing: error))
            }
        }
        return .transport(String(describing: error))
    }

    /// `host:port` for messages, with the scheme's default port when the URL names none.
    static func hostAndPort(_ url: URL) -> String {
        let host = url.host ?? "?"
        let port = url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80)
        return "\(host):\(port)"
    }
}

/// The version of Bulletin, shared by `bulletin --version` and the HTTP User-Agent.
public enum BulletinVersion {
    /// The release version, as `major.minor.patch`.
    public static let current = "0.1.0"
    /// The default User-Agent header: `Bulletin/<version> (terminal article reader)`.
    public static let userAgent = "Bulletin/\(current) (terminal article reader)"
}

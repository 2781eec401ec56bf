/// Whether the disposition was the recipient's doing (RFC 8098 action mode).
public enum DispositionMode: String, Sendable, Hashable {
    case manual, automatic

    /// From `manual-action/MDN-sent-manually`. A mode that cannot be read counts as automatic,
    /// so a receipt never claims a person acted when it does not say so.
    init(_ modes: String) {
        self = modes.hasPrefix("manual-action") ? .manual : .automatic
    }
}

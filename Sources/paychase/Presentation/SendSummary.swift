import PayChaseKit

extension SendResult {
    /// `200 messages sent to the server: 198 accepted, 1 deferred, 1 refused`.
    var summary: String {
        var parts = ["\(accepted) accepted", "\(deferred) deferred", "\(refused) refused"]
        if uncertain > 0 { parts.append("\(uncertain) uncertain") }
        var text = "\(attempted) message\(attempted == 1 ? "" : "s") sent to the server: " + parts.joined(separator: ", ")
        if waiting > 0 { text += "; \(waiting) waiting to retry" }
        if held > 0 { text += "; \(held) held (the server may already have them)" }
        return text
    }
}

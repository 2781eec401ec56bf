import Foundation

/// The one way PayChase writes JSON: keys sorted, slashes as they are, dates in ISO 8601; a
/// document pretty-printed (files people may open, `--json` output, the service's API), a
/// record line compact (`deliveries.jsonl`, whose bytes are hashed).
public enum JSONStyle {
    case document
    case line

    /// `snakeCaseKeys` for views whose Swift names are camelCase and whose readers expect `claim_id`.
    public func encoder(snakeCaseKeys: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            self == .document ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        if snakeCaseKeys { encoder.keyEncodingStrategy = .convertToSnakeCase }
        return encoder
    }
}

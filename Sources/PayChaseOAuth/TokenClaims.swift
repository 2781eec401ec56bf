import Foundation

/// Reads who a token is for from a JWT's payload, for display only: nothing is trusted from it,
/// since the mail server checks the token itself.
enum TokenClaims {
    static let accountClaims = ["preferred_username", "upn", "email", "unique_name", "username", "sub"]

    static func account(idToken: String?, accessToken: String) -> String? {
        for token in [idToken, accessToken].compactMap({ $0 }) {
            guard let claims = payload(of: token) else { continue }
            for key in accountClaims {
                if let value = claims[key] as? String, !value.isEmpty { return OAuthText.oneLine(value) }
            }
        }
        return nil
    }

    private static func payload(of token: String) -> [String: Any]? {
        let parts = token.split(separator: ".")
        guard parts.count == 3 else { return nil }
        var text = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        guard let data = Data(base64Encoded: text) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }
}

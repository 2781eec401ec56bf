/// The text of a practice's own email template: five lines of front matter, so the body
/// starts on line 6 (where template errors are counted from).
public enum TemplateText {
    public static func email(subject: String, to recipient: String = "paymaster", body: String) -> String {
        "---\nkind: email\nto: \(recipient)\nsubject: \"\(subject)\"\n---\n" + body
    }
}

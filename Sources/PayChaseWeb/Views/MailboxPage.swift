/// The Mailbox page's model: what `/api/mailbox` says, and the forms' actions.
struct MailboxPage {
    /// An admin: the connect and disconnect forms are shown.
    var canManage = true
    var view: MailboxView
    var csrf: String
    var connectAction = ""
    var disconnectAction = ""
    var waiting: Bool { view.signIn != nil }
    var scopes: String { view.scopes.joined(separator: " ") }

    init(_ view: MailboxView, csrf: String) {
        self.view = view
        self.csrf = csrf
    }
}

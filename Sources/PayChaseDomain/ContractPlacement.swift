/// Which agreement a claim is paid under: the contract it names or the one its category points
/// to; a claim no contract could be found for keeps its category's route.
public struct ContractPlacement: Sendable, Hashable, Codable {
    /// The contract's id; nil when no contract placed it.
    public var contractID: String?
    public var route: ContractRoute
    /// Whether the agreement is an NHS contract; nil when no contract says.
    public var nhsContract: Bool?
    /// When a notice under the agreement counts as given.
    public var notices: NoticeDelivery = .assumed

    public init(_ contract: Contract) {
        contractID = contract.id
        route = contract.route
        nhsContract = contract.nhsContract
        notices = contract.notices
    }

    /// Not placed: the category's route, nothing known of the agreement.
    public init(category: Category) {
        contractID = nil
        route = category.defaultRoute
        nhsContract = nil
    }
}

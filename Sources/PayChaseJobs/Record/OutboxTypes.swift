import PayChaseOutbox

// The Outbox's types the front ends show or keep, named through the engine: the command line
// and the service import PayChaseJobs only, never the Outbox itself.

/// One line of the record.
public typealias RecordLine = PayChaseOutbox.RecordLine
/// A message in the send queue.
public typealias QueuedMessage = PayChaseOutbox.QueuedMessage
/// The record's size and newest hash, as an email's X-PayChase-Record carries it.
public typealias RecordHead = PayChaseOutbox.RecordHead
/// Entries a power cut took that the in-flight window accounts for.
public typealias PowerCut = PayChaseOutbox.DeliveryLog.PowerCut
/// What a repair of the record kept and set aside.
public typealias RecordRepair = PayChaseOutbox.OutboxSession.RecordRepair
/// Files written whole or not at all, and appended durably: for the service's own files too.
public typealias AtomicFile = PayChaseOutbox.AtomicFile
/// What went wrong writing the Outbox's files.
public typealias OutboxError = PayChaseOutbox.OutboxError

import Logging

extension OutboxSession {
    /// Completes moves a crash interrupted. A message the record shows accepted goes to `sent/`;
    /// one that was being handed over with no record is held as uncertain, never resent blindly;
    /// after a power cut, so is every message of the window that was in flight. A send stopped
    /// before its batch was queued is named, claim by claim, never passed over in silence.
    func recover(logger: Logger) throws(OutboxError) {
        let finished = try queue.finishBatch()
        if finished > 0 { logger.info("finished queueing a batch a stopped run had begun (\(finished) files)") }
        try queue.sweep()
        notQueued = try queue.unqueuedIntent()
        if !notQueued.isEmpty {
            let byTemplate = Dictionary(grouping: notQueued, by: \.template).sorted { $0.key < $1.key }
            let named = byTemplate.map { "\($0.key) for \($0.value.map(\.claimID).joined(separator: ", "))" }.joined(separator: "; ")
            logger.warning(
                "a send was stopped before it queued anything: \(named) \(notQueued.count == 1 ? "was" : "were") not queued; send again to queue \(notQueued.count == 1 ? "it" : "them")"
            )
        }
        let doubtful = queue.inDoubtWitnesses()
        var messages = try queue.all()
        if !messages.isEmpty {
            let delivered = deliveredQueueIDs
            for index in messages.indices {
                let message = messages[index]
                if delivered.contains(message.id) {
                    try queue.markSent(message, bytes: sentBytes(of: message))
                    logger.info("finished moving \(message.id) to sent/: the record shows the server accepted it")
                } else if message.state == .queued, let witness = doubtful[message.id] {
                    messages[index].state = .uncertain
                    messages[index].lastReply = "the run stopped while the server was being given the whole message; the server may have it"
                    if let witness { messages[index].witness = witness.description }
                    try queue.save(messages[index])
                }
            }
        }
        if queue.hasOpenWindow { try queue.endWindow() }
    }

    /// The exact bytes the server took of a queued message the record shows delivered: the queued
    /// copy with the record's head it carried written in (the head just before the entry that
    /// recorded it), when that is what the entry's SHA-256 names; else the queued copy itself.
    /// nil when the queued copy is gone (a run moved it to `sent/` and stopped before forgetting its .json).
    func sentBytes(of message: QueuedMessage) -> [UInt8]? {
        guard let bytes = try? queue.bytes(of: message) else { return nil }
        guard let index = records.lastIndex(where: { $0.entry.reachedServer?.message.queueID == message.id }) else { return bytes }
        let head = RecordHead(entries: index, last: records[index].previous)
        let stamped = Witness.stamp(bytes, head)
        return SHA256Hex.digest(stamped) == records[index].entry.reachedServer?.sha256 ? stamped : bytes
    }
}

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
            logger.warning("a send was stopped before it queued anything: \(named) \(notQueued.count == 1 ? "was" : "were") not queued; send again to queue \(notQueued.count == 1 ? "it" : "them")")
        }
        let doubtful = queue.inDoubt()
        var messages = try queue.all()
        if !messages.isEmpty {
            let delivered = deliveredQueueIDs
            for index in messages.indices {
                let message = messages[index]
                if delivered.contains(message.id) {
                    try queue.markSent(message)
                    logger.info("finished moving \(message.id) to sent/: the record shows the server accepted it")
                } else if message.state == .queued && doubtful.contains(message.id) {
                    messages[index].state = .uncertain
                    messages[index].lastReply = "the run stopped while the server was being given the whole message; the server may have it"
                    try queue.save(messages[index])
                }
            }
        }
        if queue.hasOpenWindow { try queue.endWindow() }
    }
}

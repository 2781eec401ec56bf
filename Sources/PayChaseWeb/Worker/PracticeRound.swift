import Foundation
import Logging
import PayChaseDomain
import PayChaseJobs

/// One practice's turn of the worker, and what it remembers between turns: when it last read
/// the mailbox, the day it last worked out, and what it has sent by itself this minute.
struct PracticeRound {
    let practice: ServedPractice
    var lastPoll: Date?
    var lastDay: CalendarDate?
    /// The day the record seal was last seen to, sent or not due.
    var sealedOn: CalendarDate?
    var pace: SendPace?

    init(practice: ServedPractice) { self.practice = practice }

    /// The practice's workspace, what it records said to be the worker's.
    var worker: Workspace {
        var workspace = practice.workspace
        workspace.outbox.actor = ServedPractice.workerActor
        return workspace
    }

    mutating func run(state: WebState, stop: StopSignal) async {
        let workspace = worker
        let now = state.configuration.clock.now()
        let settings: PracticeSettings
        do { settings = try await state.read { () throws(PayChaseError) in try workspace.loadSettings() } } catch {
            await report(state, "settings", error, at: now)
            return
        }
        if settings.smtp != nil, QueueJob(workspace: workspace).hasDue(at: now) { await sendQueued(state: state, stop: stop, at: now) }
        if settings.imap != nil, lastPoll.map({ now.timeIntervalSince($0) >= Double(settings.pollMinutes * 60) }) ?? true, !stop.isSet {
            lastPoll = now
            await readReturnedMail(state: state, at: now)
        }
        if settings.smtp != nil, sealedOn != state.today, !stop.isSet { await seal(state: state, stop: stop, at: now) }
        guard !stop.isSet else { return }
        let report: StatusReport
        do { report = try await state.status(practice) } catch {
            await self.report(state, "status", error, at: now)
            return
        }
        let actions = TodaysActions(report)
        if lastDay != actions.asOf {
            lastDay = actions.asOf
            state.logger.info(
                "today's actions",
                metadata: [
                    "practice": "\(practice.slug)", "day": "\(actions.asOf)", "claims": "\(actions.actions.count)",
                ]
            )
            await state.worker.note(practice.slug, "today", "\(actions.actions.count) claims need action on \(actions.asOf.formatted)", at: now)
        }
        if settings.smtp != nil, !settings.autoSend.isEmpty {
            await autoSend(settings, actions: actions, state: state, stop: stop, at: now)
        }
    }

    func sendQueued(state: WebState, stop: StopSignal, at now: Date) async {
        let job = SendJob(workspace: worker, source: .queued, asOf: state.today, options: options(state, stop))
        let logger = state.logger
        do {
            let clock = state.configuration.clock
            let result = try await state.write(practice) { () throws(PayChaseError) in try job.run(logger: logger, clock: clock) }
            await note(
                state,
                "queue",
                "sent the queue: \(result.accepted) accepted, \(result.deferred) deferred, \(result.refused) refused",
                result.stop,
                at: now
            )
        } catch {
            await report(state, "queue", error, at: now)
        }
    }

    func readReturnedMail(state: WebState, at now: Date) async {
        var receipts = ReturnedMailJob(workspace: worker)
        receipts.environment = state.configuration.environment
        let job = receipts
        let logger = state.logger
        do {
            let clock = state.configuration.clock
            let result = try await state.write(practice) { () throws(PayChaseError) in try job.run(logger: logger, clock: clock) }
            let copies =
                result.sentCopies.filed > 0
                ? ", \(result.sentCopies.filed) sent cop\(result.sentCopies.filed == 1 ? "y" : "ies") filed in \(result.sentCopies.folder ?? "the sent folder")"
                : ""
            await note(state, "receipts", "read the mailbox: \(result.recorded.count) recorded, \(result.read) read\(copies)", nil, at: now)
        } catch {
            await report(state, "receipts", error, at: now)
        }
    }

    /// Once a day when anything was recorded, the record seal to the practice's own mailbox; tried
    /// again next turn when the server could not take it.
    mutating func seal(state: WebState, stop: StopSignal, at now: Date) async {
        let job = SealJob(workspace: worker, options: options(state, stop))
        let logger = state.logger
        let day = state.today
        do {
            let clock = state.configuration.clock
            let result = try await state.write(practice) { () throws(PayChaseError) in try job.run(on: day, logger: logger, clock: clock) }
            if let result {
                await note(state, "seal", "sent the record seal to the practice mailbox: \(result.accepted) accepted", result.stop, at: now)
                if result.accepted > 0 { sealedOn = day }
            } else {
                sealedOn = day
            }
        } catch {
            await report(state, "seal", error, at: now)
        }
    }

    /// Sends, for each `auto_send` template, the claims whose next step is exactly it, as many
    /// as the minute's pace leaves room for; the rest wait for a later turn.
    mutating func autoSend(_ settings: PracticeSettings, actions: TodaysActions, state: WebState, stop: StopSignal, at now: Date) async {
        var pace = self.pace ?? SendPace(autoSending: settings)
        for template in settings.autoSend where !stop.isSet {
            let room = pace.room(at: now)
            let claims = Array(actions.autoSendable(template).prefix(max(0, room)))
            guard !claims.isEmpty else { continue }
            let job = SendJob(
                workspace: worker,
                source: .template(template, .ids(claims)),
                asOf: actions.asOf,
                options: options(state, stop)
            )
            let logger = state.logger
            do {
                let clock = state.configuration.clock
                let result = try await state.write(practice) { () throws(PayChaseError) in try job.run(logger: logger, clock: clock) }
                for _ in 0..<result.attempted { pace.record(now) }
                await note(
                    state,
                    "auto-send",
                    "sent \(template) by itself: \(result.accepted) accepted, \(result.deferred) deferred, \(result.refused) refused",
                    result.stop,
                    at: now
                )
            } catch {
                await report(state, "auto-send", error, at: now)
            }
        }
        self.pace = pace
    }

    private func options(_ state: WebState, _ stop: StopSignal) -> SendJob.Options {
        var options = SendJob.Options()
        options.environment = state.configuration.environment
        options.shouldContinue = { !stop.isSet }
        return options
    }

    private func note(_ state: WebState, _ topic: String, _ text: String, _ stop: PayChaseError?, at now: Date) async {
        let line = stop.map { "\(text); stopped: \(WebAdvice.lines($0).joined(separator: " "))" } ?? text
        state.logger.info("\(line)", metadata: ["practice": "\(practice.slug)", "task": "\(topic)"])
        let slug = practice.slug
        await state.worker.note(slug, topic, line, at: now)
    }

    private func report(_ state: WebState, _ topic: String, _ error: WebError, at now: Date) async {
        let line = error.lines.joined(separator: " ")
        let metadata: Logger.Metadata = ["practice": "\(practice.slug)", "task": "\(topic)"]
        if await state.worker.note(practice.slug, topic, "could not: \(line)", at: now) {
            state.logger.warning("\(line)", metadata: metadata)
        } else {
            state.logger.debug("still: \(line)", metadata: metadata)
        }
    }
}

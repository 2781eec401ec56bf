#!/usr/bin/env python3
"""The job `paychase receipts` does, written as a practice's developer would in Python with only
`imaplib` and `email`: read every new message of one mailbox over STARTTLS, classify it, and
record those that name an email PayChase sent.

Classification, in PayChase's order (ReturnedMailReader.classify): a read receipt (a
message/disposition-notification part, RFC 8098), a delivery status report (a
message/delivery-status part, RFC 3464; or a bounce in a mail system's own words, by PayChase's
rule: X-Failed-Recipients, or a mail-system sender with an "undelivered" subject, or one sign of a
mail system (sender, subject, a returned message) and one in the text (the usual phrases, an SMTP
status code), the text read only when a sign makes it count), feedback reports and
Apple's unsubscribe requests (unrelated), an automatic reply (RFC 3834 Auto-Submitted,
X-Autoreply and friends, Precedence: auto_reply, the out-of-office subject prefixes), a human
reply (In-Reply-To or References), else unrelated.

Matching never guesses, most trustworthy first: Original-Message-ID (MDN or DSN), the
Message-ID of returned headers (text/rfc822-headers or message/rfc822; not for a human reply,
who may attach anything), ENVID (Original-Envelope-Id, our queue id), In-Reply-To, References
newest first. Never the subject.

Bookkeeping, with PayChase's durability (nothing is flagged before its record is on disk):
  STATE_DIR/state.json     {"uidvalidity": V, "last_uid": U}, written atomically after each chunk
  STATE_DIR/receipts/<claim>/<V>-<uid>.eml   the message's exact bytes (temporary file, fsync,
                           rename, fsync of the folder)
  STATE_DIR/receipts.jsonl one JSON line per recorded message with its SHA-256 (fsynced); a
                           message whose SHA-256 is already there is not recorded again
then UID STORE +FLAGS.SILENT (\\Seen) on it. A changed UIDVALIDITY reads the mailbox from the start.
--no-sync drops the fsyncs (what a quick script would do).

Prints a JSON summary: read, recorded [{claim_id, kind, summary}], already_recorded, unmatched, unrelated.

usage: imap_peer.py HOST PORT CA_FILE USER PASSWORD_ENV MAILBOX DELIVERIES_JSONL STATE_DIR [--no-sync]"""
import email
import email.header
import email.parser
import hashlib
import imaplib
import json
import os
import re
import ssl
import sys

CHUNK = 200
SYNC = True
MESSAGE_ID = re.compile(r"<([^<>\s]+)>")
EMAIL = re.compile(r"[^\s<>@,;:\"]+@[^\s<>@,;:\"]+")
FETCH_UID = re.compile(rb"UID (\d+)")
SUBJECT_PREFIXES = ("automatic reply:", "auto:", "autoreply", "auto-reply", "auto reply", "out of office", "out of the office",
                    "automatische antwort", "abwesenheitsnotiz", "réponse automatique", "respuesta automática", "risposta automatica")
MAIL_SYSTEMS = ("mailer-daemon", "mailer daemon", "mail-daemon", "postmaster", "mail delivery", "mmsc ndr")
UNDELIVERED_SUBJECTS = ("undeliver", "undelivered", "delivery status notification", "delivery notification", "failure notice",
                        "delivery fail", "mail delivery", "returned mail", "could not be delivered", "not delivered", "delivery problem",
                        "non remis", "unzustellbar", "non recapitabile", "no entregado", "mail system error", "nondeliverable",
                        "non-deliverable", "delivery status", "failed delivery", "delivery error", "error sending", "mail failure",
                        "delivery delayed", "delayed mail", "could not send", "returned to sender", "delivery failure")
UNDELIVERED_TEXT = ("could not be delivered", "couldn't be delivered", "was not delivered", "delivery has failed", "delivery failed",
                    "undeliverable", "undelivered", "permanent error", "permanent fatal error", "user unknown", "mailbox unavailable",
                    "mailbox is full", "delivery to the following recipient", "did not reach the following recipient",
                    "following recipients returned", "could not deliver", "unable to deliver", "wasn't able to deliver",
                    "failed permanently", "returned to sender", "not be delivered", "hop count exceeded", "will continue trying",
                    "has been delayed", "no such user", "recipient address rejected", "message could not be sent")
REPLY_PREFIXES = ("re:", "aw:", "fw:", "fwd:", "wg:", "tr:")
RETURNED_TYPES = ("message/rfc822", "message/global", "text/rfc822-headers", "message/global-headers")
ENHANCED_STATUS = re.compile(r"(?<![\d.])[245]\.\d{1,3}\.\d{1,3}(?!\d|\.\d)")
REPLY_CODE = re.compile(r"(?:^|(?<=[ \t:\[(<#=\"']))[45]\d\d(?=[ \t-]|$)", re.M)
MAX_TEXT = 64 * 1024


def decoded(value):
    if value is None:
        return ""
    try:
        return str(email.header.make_header(email.header.decode_header(str(value))))
    except Exception:
        return str(value)


def first_word(value):
    words = re.split(r"[ \t;(]", str(value).strip().lower())
    return words[0] if words else ""


def ids(value):
    return MESSAGE_ID.findall(str(value)) if value else []


def fields(part):
    """The fields of a message/disposition-notification or message/delivery-status part: per
    message first, then one block per recipient."""
    payload = part.get_payload()
    if isinstance(payload, list):
        return [block for block in payload if hasattr(block, "items")]
    text = payload if isinstance(payload, str) else ""
    return [email.parser.HeaderParser().parsestr(block) for block in re.split(r"\r?\n\r?\n", text) if block.strip()]


def returned_message_id(part):
    kind = part.get_content_type()
    if kind in ("message/rfc822", "message/global"):
        inner = part.get_payload()
        inner = inner[0] if isinstance(inner, list) and inner else None
        found = ids(inner.get("Message-ID")) if inner is not None else []
    elif kind in ("text/rfc822-headers", "message/global-headers"):
        body = part.get_payload(decode=True) or b""
        found = ids(email.parser.BytesHeaderParser().parsebytes(body).get("Message-ID"))
    else:
        return None
    return found[0] if found else (ids(part.get("Message-ID")) or [None])[0]


def bounce_text(message, room=MAX_TEXT):
    """The text parts through the multipart tree, not inside a returned message, up to 64 KiB."""
    pieces = []
    stack = [message]
    while stack and room > 0:
        part = stack.pop(0)
        kind = part.get_content_type()
        if part.is_multipart():
            if kind in RETURNED_TYPES:
                continue
            stack[:0] = part.get_payload()
            continue
        if kind in RETURNED_TYPES or part.get_content_maintype() not in ("text", "message"):
            continue
        body = (part.get_payload(decode=True) or b"")[:room]
        room -= len(body)
        pieces.append(body.decode(part.get_content_charset() or "utf-8", "replace") if part.get_content_charset() != "unknown-8bit" else body.decode("latin-1"))
    return "\n".join(pieces)


def is_bounce(message, parts, subject, sender):
    """PayChase's rule for a bounce in a mail system's own words (BounceSigns.isBounce): one sign
    of a mail system and one in the text. The text is read only when a header sign makes it count."""
    if any(EMAIL.search(value) for value in message.get_all("X-Failed-Recipients") or []):
        return True
    from_system = sender in ("", "<>") or any(word in sender for word in MAIL_SYSTEMS)
    says = not subject.startswith(REPLY_PREFIXES) and any(word in subject for word in UNDELIVERED_SUBJECTS)
    if from_system and says:
        return True
    if not (from_system or says or any(part.get_content_type() in RETURNED_TYPES for part in parts)):
        return False
    text = bounce_text(message)
    lowered = text.lower()
    return any(phrase in lowered for phrase in UNDELIVERED_TEXT) or bool(ENHANCED_STATUS.search(text) or REPLY_CODE.search(text))


def automatic(message):
    value = message.get("Auto-Submitted")
    if value is not None and first_word(value) != "no":
        return True
    for name in ("X-Autoreply", "X-Autorespond", "X-Autoreply-From", "X-Mail-Autoreply", "X-Autoresponder"):
        value = message.get(name)
        if value is not None and first_word(value) not in ("no", "false", "0"):
            return True
    if first_word(message.get("Precedence", "")) == "auto_reply" or first_word(message.get("X-Autogenerated", "")) == "reply":
        return True
    return decoded(message.get("Subject")).strip().lower().startswith(SUBJECT_PREFIXES)


def classify(message):
    """(kind, facts, candidates): kind is read-receipt, delivery-status, automatic-reply, reply or None."""
    parts = list(message.walk())
    types = [part.get_content_type() for part in parts]
    report = message.get_param("report-type").lower() if message.get_content_type() == "multipart/report" and message.get_param("report-type") else None
    feedback = report == "feedback-report" or "message/feedback-report" in types
    kind, facts, originals, envid = None, {}, [], None
    mdn = next((p for p in parts if p.get_content_type() in ("message/disposition-notification", "message/global-disposition-notification")), None)
    dsn = next((p for p in parts if p.get_content_type() in ("message/delivery-status", "message/global-delivery-status")), None)
    if not feedback and report != "delivery-status" and mdn is not None:
        kind = "read-receipt"
        block = (fields(mdn) or [{}])[0]
        disposition = str(block.get("Disposition", ""))
        action, _, rest = disposition.partition(";")
        facts = {"disposition": rest.strip().split("/")[0].split(",")[0].strip().lower() or "?",
                 "mode": "automatic" if "automatic-action" in action.lower() else "manual",
                 "reporting_agent": str(block.get("Reporting-UA", "")).strip() or None}
        originals = ids(block.get("Original-Message-ID"))
    elif not feedback and report != "disposition-notification" and dsn is not None:
        kind = "delivery-status"
        blocks = fields(dsn)
        head = blocks[0] if blocks else {}
        recipients = [block for block in blocks[1:] if block.get("Action") or block.get("Final-Recipient")]
        first = recipients[0] if recipients else {}
        diagnostic = " ".join(str(first.get("Diagnostic-Code", "")).split())
        facts = {"action": str(first.get("Action", "failed")).strip().lower(), "status": str(first.get("Status", "")).strip() or None,
                 "diagnostic": diagnostic.partition(";")[2].strip() or diagnostic or None,
                 "reporting_agent": str(head.get("Reporting-MTA", "")).partition(";")[2].strip() or None}
        originals = ids(head.get("Original-Message-ID"))
        envid = str(head.get("Original-Envelope-Id", "")).strip() or None
    elif feedback or str(message.get("X-Apple-Unsubscribe", "")).lower() == "true":
        return None, {}, []
    else:
        sender = decoded(message.get("From")).strip().lower()
        subject = decoded(message.get("Subject")).strip().lower()
        if is_bounce(message, parts, subject, sender):
            kind, facts = "delivery-status", {"action": "delayed" if "delay" in subject else "failed"}
        elif automatic(message):
            kind = "automatic-reply"
        elif message.get("In-Reply-To") is not None or message.get("References") is not None:
            kind = "reply"
        else:
            return None, {}, []
    candidates = [(mid, "original-message-id") for mid in originals]
    if kind != "reply":
        candidates += [(mid, "returned-headers") for mid in map(returned_message_id, parts) if mid]
    if envid:
        candidates.append((envid, "envelope-id"))
    for value in message.get_all("In-Reply-To") or []:
        candidates += [(mid, "in-reply-to") for mid in ids(value)]
    for value in message.get_all("References") or []:
        candidates += [(mid, "references") for mid in reversed(ids(value))]
    return kind, facts, candidates


def summary(kind, facts):
    if kind == "read-receipt":
        return f"{facts['disposition']} ({facts['mode']})"
    if kind == "delivery-status":
        return " ".join(x for x in (facts.get("action"), facts.get("status")) if x) + (f": {facts['diagnostic']}" if facts.get("diagnostic") else "")
    return "an automatic reply" if kind == "automatic-reply" else "a reply"


def sync_folder(path):
    if SYNC:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomically(path, data):
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    temporary = os.path.join(folder, f".{os.path.basename(path)}.tmp-{os.getpid()}")
    with open(temporary, "wb") as handle:
        handle.write(data)
        if SYNC:
            handle.flush()
            os.fsync(handle.fileno())
    os.rename(temporary, path)
    sync_folder(folder)


def main():
    global SYNC
    arguments = [a for a in sys.argv[1:] if a != "--no-sync"]
    SYNC = "--no-sync" not in sys.argv
    host, port, ca, user, password_env, mailbox, deliveries, state_dir = arguments[:8]

    sent = {}
    with open(deliveries) as handle:
        for line in handle:
            entry = json.loads(line)
            if entry.get("outcome") in ("accepted", "confirmed", "uncertain") and entry.get("message_id"):
                sent[entry["message_id"]] = entry
                if entry.get("queue_id"):
                    sent[entry["queue_id"]] = entry

    state_path = os.path.join(state_dir, "state.json")
    log_path = os.path.join(state_dir, "receipts.jsonl")
    os.makedirs(state_dir, exist_ok=True)
    try:
        with open(state_path) as handle:
            state = json.load(handle)
    except (OSError, ValueError):
        state = {"uidvalidity": None, "last_uid": 0}
    known = set()
    if os.path.exists(log_path):
        with open(log_path) as handle:
            known = {json.loads(line)["sha256"] for line in handle if line.strip()}

    connection = imaplib.IMAP4(host, int(port))
    connection.starttls(ssl.create_default_context(cafile=ca))
    connection.login(user, os.environ[password_env])
    status, _ = connection.select(f'"{mailbox}"')
    assert status == "OK", f"cannot select {mailbox}"
    uidvalidity = int(connection.untagged_responses["UIDVALIDITY"][0])
    result = {"read": 0, "recorded": [], "already_recorded": 0, "unmatched": 0, "unrelated": 0, "rescanned": False}
    if state["uidvalidity"] != uidvalidity:
        result["rescanned"] = state["uidvalidity"] is not None
        state = {"uidvalidity": uidvalidity, "last_uid": 0}
    first = state["last_uid"] + 1
    _, data = connection.uid("SEARCH", f"UID {first}:*")
    uids = sorted({int(u) for u in data[0].split() if int(u) >= first})

    log = open(log_path, "a")
    for start in range(0, len(uids), CHUNK):
        chunk = uids[start:start + CHUNK]
        status, data = connection.uid("FETCH", ",".join(map(str, chunk)), "(BODY.PEEK[])")
        assert status == "OK", f"FETCH failed: {data}"
        messages = {}
        for item in data:
            if isinstance(item, tuple):
                found = FETCH_UID.search(item[0])
                if found:
                    messages[int(found.group(1))] = item[1]
        for uid in chunk:
            raw = messages.get(uid)
            if raw is None:
                continue
            result["read"] += 1
            parsed = email.message_from_bytes(raw)
            kind, facts, candidates = classify(parsed)
            if kind is None:
                result["unrelated"] += 1
                continue
            match = next(((mid, source) for mid, source in candidates if mid in sent), None)
            if match is None:
                result["unrelated" if kind == "reply" else "unmatched"] += 1
                continue
            original = sent[match[0]]
            digest = hashlib.sha256(raw).hexdigest()
            if digest in known:
                result["already_recorded"] += 1
            else:
                claim = original["claim_id"]
                name = f"receipts/{claim}/{uidvalidity}-{uid}.eml"
                write_atomically(os.path.join(state_dir, name), raw)
                entry = {"claim_id": claim, "kind": kind, "summary": summary(kind, facts), "original_message_id": original["message_id"],
                         "matched_by": match[1], "message_id": (ids(parsed.get("Message-ID")) or [None])[0], "date": parsed.get("Date"),
                         "from": decoded(parsed.get("From")), "subject": decoded(parsed.get("Subject")), "mailbox": f"{uidvalidity}:{uid}",
                         "file": name, "sha256": digest, **facts}
                log.write(json.dumps(entry, ensure_ascii=False) + "\n")
                log.flush()
                if SYNC:
                    os.fsync(log.fileno())
                known.add(digest)
                result["recorded"].append({"claim_id": claim, "kind": kind, "summary": entry["summary"]})
            status, answer = connection.uid("STORE", str(uid), "+FLAGS.SILENT", "(\\Seen)")
            assert status == "OK", f"STORE failed: {answer}"
        state["last_uid"] = chunk[-1]
        write_atomically(state_path, json.dumps(state).encode() + b"\n")
    if not uids and state.get("last_uid") == 0:
        write_atomically(state_path, json.dumps(state).encode() + b"\n")
    log.close()
    connection.logout()
    json.dump(result, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()

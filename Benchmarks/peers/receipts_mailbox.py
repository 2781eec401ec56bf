"""The practice mailbox the `receipts` job of Benchmarks/compare reads: not a peer, the data.

`messages(sent, count, seed, first)` makes `count` messages, deterministically from `seed`, in the
mix a practice manager's mailbox has once PayChase has been sending for a while:

  read receipts (RFC 8098)         24%  Outlook "Read:" (displayed, with the HTML alternative),
                                        Outlook "Not read:" (deleted, returned headers),
                                        Thunderbird "Return Receipt (displayed)"
  delivery status (RFC 3464)       14%  as Postfix writes them with RET=HDRS: failed, delayed,
                                        delivered; ENVID and the returned headers
  automatic replies (RFC 3834)     10%  Exchange "Automatic reply:", Gmail vacation
  human replies                    10%  In-Reply-To + References, quoted text, some with HTML
  real bounces and auto-replies     2%  sampled from ../shared/corpus/bounces (name nothing of ours)
  unrelated                        40%  newsletters (HTML, 15-40 KB), colleagues' mail, mail with a
                                        PDF attachment (40-160 KB), list replies to other threads

`matched` (default 0.55) of the receipts, reports and replies name an email PayChase sent (its
Message-ID from Outbox/deliveries.jsonl, or for a DSN also its queue id as ENVID); the others
name messages someone else at the practice sent. Nothing ever matches by subject: unmatched
ones often carry the subject of one of ours.

`sent_emails(deliveries_jsonl)` reads what PayChase sent from its record."""
import base64
import datetime
import email.utils
import json
import os
import quopri
import random

CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "corpus", "bounces")
PRACTICE = "Riverside Medical Centre"
OURS = "manager@riverside.example"
BASE = datetime.datetime(2026, 11, 23, 8, 0, 0, tzinfo=datetime.timezone.utc)

WORDS = ("payment claim invoice practice quarter register extract patients approved finance team schedule "
         "statement reconciliation contract service review month week meeting agenda update please thanks "
         "attached report enclosed budget deadline clinic rota staff training audit locum referral").split()


def sent_emails(path):
    """What the record says went out: [{message_id, queue_id, claim_id, to, subject, time}]."""
    out = []
    with open(path) as handle:
        for line in handle:
            entry = json.loads(line)
            if entry.get("outcome") in ("accepted", "confirmed") and entry.get("message_id"):
                out.append(entry)
    return out


class Maker:
    def __init__(self, sent, seed, matched):
        self.sent = sent
        self.random = random.Random(seed)
        self.matched = matched
        self.serial = 0
        self.corpus = []
        if os.path.isdir(CORPUS):
            for name in sorted(os.listdir(CORPUS)):
                if name.endswith(".eml"):
                    with open(os.path.join(CORPUS, name), "rb") as handle:
                        self.corpus.append(handle.read())

    # Small pieces.
    def hexid(self, n=16):
        return "".join(self.random.choice("0123456789ABCDEF") for _ in range(n))

    def when(self, minutes):
        return BASE + datetime.timedelta(minutes=minutes, seconds=self.random.randrange(60))

    def date(self, moment):
        return email.utils.format_datetime(moment)

    def sentence(self, n=12):
        words = [self.random.choice(WORDS) for _ in range(n)]
        return " ".join(words).capitalize() + "."

    def paragraph(self, sentences=4):
        return " ".join(self.sentence(self.random.randrange(8, 18)) for _ in range(sentences))

    def original(self):
        """(message_id, envid, subject, to, sent_at) of one of ours, or of someone else's."""
        if self.sent and self.random.random() < self.matched:
            entry = self.random.choice(self.sent)
            return (entry["message_id"], entry.get("queue_id") or "", entry.get("subject") or "Payment query",
                    (entry.get("to") or ["nelicb.payments@nhs.example"])[0], BASE - datetime.timedelta(hours=10))
        # Someone else's: a colleague's email, or a PayChase-looking id that was never sent.
        if self.random.random() < 0.5:
            mid = f"20261{self.random.randrange(100000, 999999)}T0900{self.random.randrange(10000, 99999)}-0000-Q-{self.random.randrange(1, 99999)}@riverside.example"
        else:
            mid = f"{self.hexid(24)}@riverside.example"
        subject = self.random.choice(self.sent)["subject"] if self.sent and self.random.random() < 0.5 else "Locum cover " + self.sentence(4)
        return mid, self.hexid(10), subject, self.random.choice(["sam.whitfield@northwell-icb.example", "ap@northwell-icb.example",
                                                                 "j.okafor@eastgate-practice.example"]), BASE - datetime.timedelta(hours=30)

    def boundary(self):
        return "_%03d_%s" % (self.random.randrange(1000), self.hexid(30))

    @staticmethod
    def crlf(text):
        return text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")

    def returned_headers(self, mid, subject, to, sent_at):
        return (f"Received: from mail.riverside.example (mail.riverside.example [192.0.2.10])\n"
                f"\tby mx.nhs.example with ESMTPS id {self.hexid(10)}\n\tfor <{to}>; {self.date(sent_at)}\n"
                f"Date: {self.date(sent_at)}\nFrom: {PRACTICE} <{OURS}>\nTo: <{to}>\nSubject: {subject}\n"
                f"Message-ID: <{mid}>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
                f"Content-Transfer-Encoding: quoted-printable\nDisposition-Notification-To: <{OURS}>\n")

    # Read receipts.
    def outlook_read(self, index):
        mid, _, subject, to, sent_at = self.original()
        at = self.when(index)
        own = f"{self.hexid(8)}MB{self.hexid(24)}@AM9PR01MB7412.eurprd01.prod.exchangelabs.com"
        outer, inner = self.boundary(), self.boundary()
        html = (f"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head>\n<body><font size=\"2\">"
                f"<span style=\"font-size:11pt;\"><div class=\"PlainText\">Your message<br>\n<br>\n&nbsp;&nbsp;To: {to}<br>\n"
                f"&nbsp;&nbsp;Subject: {subject}<br>\n&nbsp;&nbsp;Sent: {sent_at:%d %B %Y %H:%M:%S} (UTC+00:00) Dublin, Edinburgh, Lisbon, London<br>\n"
                f"<br>\n&nbsp;was read on {at:%d %B %Y %H:%M:%S} (UTC+00:00) Dublin, Edinburgh, Lisbon, London.</div></span></font></body></html>\n")
        html64 = base64.encodebytes(html.encode()).decode()
        plain = quopri.encodestring((f"Your message\n\n  To: {to}\n  Subject: {subject}\n  Sent: {sent_at:%d %B %Y %H:%M:%S} (UTC+00:00) "
                                     f"Dublin, Edinburgh, Lisbon, London\n\n was read on {at:%d %B %Y %H:%M:%S} (UTC+00:00) Dublin, "
                                     f"Edinburgh, Lisbon, London.\n").encode()).decode()
        return self.crlf(
            f"Received: from AM9PR01MB7412.eurprd01.prod.exchangelabs.com (2603:10a6:20b:2f4::9)\n by mx.riverside.example with ESMTPS id "
            f"{self.hexid(15)}\n for <{OURS}>; {self.date(at)}\nFrom: Accounts Payable <{to}>\nTo: {PRACTICE} <{OURS}>\n"
            f"Subject: Read: {subject}\nThread-Topic: {subject}\nThread-Index: AQHbPc1x{self.hexid(20)}==\nDate: {self.date(at)}\n"
            f"Message-ID: <{own}>\nReferences: <{mid}>\nContent-Language: en-GB\nX-MS-Has-Attach:\nX-MS-Exchange-Organization-SCL: -1\n"
            f"X-MS-TNEF-Correlator:\nContent-Type: multipart/report;\n\treport-type=disposition-notification;\n\tboundary=\"{outer}\"\n"
            f"MIME-Version: 1.0\n\n--{outer}\nContent-Type: multipart/alternative;\n\tboundary=\"{inner}\"\n\n"
            f"--{inner}\nContent-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: quoted-printable\n\n{plain}\n"
            f"--{inner}\nContent-Type: text/html; charset=\"utf-8\"\nContent-Transfer-Encoding: base64\n\n{html64}\n--{inner}--\n\n"
            f"--{outer}\nContent-Type: message/disposition-notification\n\n"
            f"Reporting-UA: AM9PR01MB7412.eurprd01.prod.exchangelabs.com; Microsoft Exchange Server 2019\n"
            f"Final-Recipient: RFC822;{to}\nOriginal-Message-ID: <{mid}>\n"
            f"Disposition: automatic-action/MDN-sent-automatically; displayed\nX-MSExch-Correlation-Key: {self.hexid(22)}==\n"
            f"X-Display-Name: Accounts Payable\n\n--{outer}--\n")

    def outlook_not_read(self, index):
        mid, _, subject, to, sent_at = self.original()
        at = self.when(index)
        host = "LO2P265MB5123.GBRP265.PROD.OUTLOOK.COM"
        b = self.boundary()
        return self.crlf(
            f"From: Dr Priya Raman <{to}>\nTo: <{OURS}>\nSubject: Not read: {subject}\nThread-Topic: {subject}\nDate: {self.date(at)}\n"
            f"Message-ID: <{host.split('.')[0]}{self.hexid(20)}@{host}>\nContent-Language: en-GB\nX-MS-Has-Attach:\n"
            f"Content-Type: multipart/report; report-type=disposition-notification;\n\tboundary=\"{b}\"\nMIME-Version: 1.0\n\n"
            f"--{b}\nContent-Type: text/plain; charset=\"us-ascii\"\n\nYour message\n\n  To: Dr Priya Raman\n  Subject: {subject}\n"
            f"  Sent: {sent_at:%A, %B %d, %Y %I:%M:%S %p} (UTC+00:00) Dublin, Edinburgh, Lisbon, London\n\n"
            f"was deleted without being read on {at:%A, %B %d, %Y %I:%M:%S %p} (UTC+00:00) Dublin, Edinburgh, Lisbon, London.\n\n"
            f"--{b}\nContent-Type: message/disposition-notification\n\nReporting-UA: {host}; Microsoft Exchange Server\n"
            f"Final-Recipient: rfc822;{to}\nOriginal-Message-ID: <{mid}>\nDisposition: manual-action/MDN-sent-manually; deleted\n\n"
            f"--{b}\nContent-Type: text/rfc822-headers\n\n{self.returned_headers(mid, subject, to, sent_at)}\n--{b}--\n")

    def thunderbird(self, index):
        mid, _, subject, to, sent_at = self.original()
        at = self.when(index)
        b = "------------" + "".join(self.random.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(24))
        return self.crlf(
            f"Return-Path: <{to}>\nReceived: from smtp.eastgate-practice.example (smtp.eastgate-practice.example [198.51.100.7])\n"
            f"\tby mx.riverside.example with ESMTPS id {self.hexid(10)}\n\tfor <{OURS}>; {self.date(at)}\nDate: {self.date(at)}\n"
            f"From: Joseph Okafor <{to}>\nMessage-ID: <{self.hexid(8).lower()}-{self.hexid(4).lower()}-4c9d-a2e1-{self.hexid(12).lower()}@eastgate-practice.example>\n"
            f"Subject: Return Receipt (displayed) - {subject}\nTo: {OURS}\nReferences: <{mid}>\nMIME-Version: 1.0\n"
            f"Content-Type: multipart/report; report-type=disposition-notification;\n\tboundary=\"{b}\"\n\n"
            f"--{b}\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n"
            f"This is a Return Receipt for the mail that you sent to {to}.\n\nNote: This Return Receipt only acknowledges that the message "
            f"was displayed on the recipient\u2019s computer. There is no guarantee that the recipient has read or understood the message contents.\n\n"
            f"--{b}\nContent-Type: message/disposition-notification; name=\"MDNPart2.txt\"\nContent-Disposition: inline\n"
            f"Content-Transfer-Encoding: 7bit\n\nReporting-UA: workstation3.eastgate-practice.example; Mozilla Thunderbird\n"
            f"Final-Recipient: rfc822;{to}\nOriginal-Message-ID: <{mid}>\nDisposition: manual-action/MDN-sent-manually; displayed\n\n"
            f"--{b}\nContent-Type: text/rfc822-headers; name=\"MDNPart3.txt\"\nContent-Transfer-Encoding: 7bit\nContent-Disposition: inline\n\n"
            f"{self.returned_headers(mid, subject, to, sent_at)}\n--{b}--\n")

    # Delivery status notifications, as Postfix writes them (RET=HDRS, ENVID given).
    def postfix_dsn(self, index, action):
        mid, envid, subject, to, sent_at = self.original()
        at = self.when(index)
        queue = self.hexid(10)
        b = f"{self.hexid(10)}.{self.random.randrange(10**9, 10**10)}/mail.riverside.example"
        if action == "failed":
            title, status, said = "Undelivered Mail Returned to Sender", "5.1.1", (
                "I'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients. It's attached below.\n\n"
                "For further assistance, please send mail to postmaster.\n\nIf you do so, please include this problem report. You can\n"
                "delete your own text from the attached returned message.\n\n                   The mail system\n\n"
                f"<{to}>: host mx.nhs.example[203.0.113.25] said: 550 5.1.1\n    <{to}>: Recipient address rejected: User unknown in virtual\n"
                "    mailbox table (in reply to RCPT TO command)\n")
            diagnostic = f"smtp; 550 5.1.1 <{to}>: Recipient address rejected: User unknown in\n    virtual mailbox table"
        elif action == "delayed":
            title, status, said = "Delayed Mail (still being retried)", "4.4.1", (
                "####################################################################\n"
                "# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n"
                "####################################################################\n\n"
                "Your message could not be delivered for more than 4 hour(s).\nIt will be retried until it is 5 day(s) old.\n\n"
                "For further assistance, please send mail to postmaster.\n\n                   The mail system\n\n"
                f"<{to}>: connect to mx.nhs.example[203.0.113.25]:25: Connection timed out\n")
            diagnostic = None
        else:
            title, status, said = "Successful Mail Delivery Report", "2.0.0", (
                "Your message was successfully delivered to the destination(s)\nlisted below. If the message was delivered to mailbox you will\n"
                "receive no further notifications. Otherwise you may still receive\nnotifications of mail delivery errors from other systems.\n\n"
                f"                   The mail system\n\n<{to}>: delivery via mx.nhs.example[203.0.113.25]:25: 250 2.0.0 Ok:\n    queued as {self.hexid(11)}\n")
            diagnostic = f"smtp; 250 2.0.0 Ok: queued as {self.hexid(11)}"
        recipient = (f"Final-Recipient: rfc822; {to}\nOriginal-Recipient: rfc822;{to}\nAction: {action}\nStatus: {status}\n"
                     f"Remote-MTA: dns; mx.nhs.example\n" + (f"Diagnostic-Code: {diagnostic}\n" if diagnostic else "")
                     + (f"Will-Retry-Until: {self.date(at + datetime.timedelta(days=5))}\n" if action == "delayed" else ""))
        return self.crlf(
            f"Return-Path: <>\nX-Original-To: {OURS}\nDelivered-To: {OURS}\nReceived: by mail.riverside.example (Postfix)\n"
            f"\tid {queue}; {self.date(at)}\nDate: {self.date(at)}\nFrom: MAILER-DAEMON@mail.riverside.example (Mail Delivery System)\n"
            f"Subject: {title}\nTo: {OURS}\nAuto-Submitted: auto-replied\nMIME-Version: 1.0\n"
            f"Content-Type: multipart/report; report-type=delivery-status;\n\tboundary=\"{b}\"\nContent-Transfer-Encoding: 8bit\n"
            f"Message-Id: <{at:%Y%m%d%H%M%S}.{queue}@mail.riverside.example>\n\nThis is a MIME-encapsulated message.\n\n"
            f"--{b}\nContent-Description: Notification\nContent-Type: text/plain; charset=us-ascii\n\n"
            f"This is the mail system at host mail.riverside.example.\n\n{said}\n"
            f"--{b}\nContent-Description: Delivery report\nContent-Type: message/delivery-status\n\n"
            f"Reporting-MTA: dns; mail.riverside.example\n" + (f"Original-Envelope-Id: {envid}\n" if envid else "")
            + f"X-Postfix-Queue-ID: {queue}\nX-Postfix-Sender: rfc822; {OURS}\nArrival-Date: {self.date(sent_at)}\n\n{recipient}\n"
            f"--{b}\nContent-Description: Undelivered Message Headers\nContent-Type: text/rfc822-headers\nContent-Transfer-Encoding: 8bit\n\n"
            f"{self.returned_headers(mid, subject, to, sent_at)}\n--{b}--\n")

    # Automatic replies.
    def exchange_ooo(self, index):
        mid, _, subject, to, _ = self.original()
        at = self.when(index)
        text = quopri.encodestring(f"I am out of the office until Monday 30 November. For invoices over \u00a31,000 please contact "
                                   f"finance@northwell-icb.example.\n\n{self.paragraph(2)}\n".encode("iso-8859-1")).decode()
        return self.crlf(
            f"From: Sam Whitfield <{to}>\nTo: {PRACTICE} <{OURS}>\nSubject: Automatic reply: {subject}\nThread-Topic: {subject}\n"
            f"Date: {self.date(at)}\nMessage-ID: <{self.hexid(32).lower()}@CWLP123MB4567.GBRP123.PROD.OUTLOOK.COM>\n"
            f"In-Reply-To: <{mid}>\nReferences: <{mid}>\nAuto-Submitted: auto-generated\nX-MS-Exchange-Inbox-Rules-Loop: {to}\n"
            f"X-MS-Exchange-Organization-AutoResponseSuppress: All\nX-Auto-Response-Suppress: All\nContent-Language: en-GB\n"
            f"MIME-Version: 1.0\nContent-Type: text/plain; charset=\"iso-8859-1\"\nContent-Transfer-Encoding: quoted-printable\n\n{text}")

    def gmail_vacation(self, index):
        mid, _, subject, to, _ = self.original()
        at = self.when(index)
        b = "000000000000" + self.hexid(16).lower()
        away = self.paragraph(1)
        return self.crlf(
            f"Return-Path: <>\nDate: {self.date(at)}\nFrom: Ada Lindqvist <{to}>\nTo: {OURS}\n"
            f"Message-ID: <CAF8x9Qm{self.hexid(20)}=vacation@mail.gmail.example>\nIn-Reply-To: <{mid}>\nReferences: <{mid}>\n"
            f"Subject: {subject}\nAuto-Submitted: auto-replied\nPrecedence: bulk\nX-Autoreply: yes\nMIME-Version: 1.0\n"
            f"Content-Type: multipart/alternative; boundary=\"{b}\"\n\n--{b}\nContent-Type: text/plain; charset=\"UTF-8\"\n\n"
            f"I'm away until 1 December with no access to email. {away}\n\n--{b}\nContent-Type: text/html; charset=\"UTF-8\"\n\n"
            f"<div dir=\"ltr\">I'm away until 1 December with no access to email. {away}</div>\n\n--{b}--\n")

    # People.
    def human_reply(self, index):
        mid, _, subject, to, sent_at = self.original()
        at = self.when(index)
        body = f"Hello,\n\n{self.paragraph(3)}\n\n{self.paragraph(2)}\n\nKind regards,\nSam Whitfield\nFinance, Northwell ICB\n\n"
        body += f"-----Original Message-----\nFrom: {PRACTICE} <{OURS}>\nSent: {sent_at:%d %B %Y %H:%M}\nSubject: {subject}\n\n"
        body += "\n".join("> " + self.sentence(14) for _ in range(self.random.randrange(6, 20))) + "\n"
        encoded = quopri.encodestring(body.encode()).decode()
        earlier = f"<2026{self.random.randrange(1000, 1130)}T090000000-0000-Q-{self.random.randrange(1, 999)}@riverside.example> "
        head = (f"Received: from mail.northwell-icb.example (mail.northwell-icb.example [203.0.113.40])\n\tby mx.riverside.example with "
                f"ESMTPS id {self.hexid(10)}\n\tfor <{OURS}>; {self.date(at)}\nFrom: Sam Whitfield <{to}>\nTo: {PRACTICE} <{OURS}>\n"
                f"Subject: RE: {subject}\nThread-Topic: {subject}\nDate: {self.date(at)}\n"
                f"Message-ID: <CWLP123MB4567{self.hexid(16)}@CWLP123MB4567.GBRP123.PROD.OUTLOOK.COM>\nIn-Reply-To: <{mid}>\n"
                f"References: {earlier if self.random.random() < 0.5 else ''}<{mid}>\nMIME-Version: 1.0\n")
        if self.random.random() < 0.5:
            return self.crlf(head + f"Content-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: quoted-printable\n\n{encoded}")
        b = self.boundary()
        html = "<html><body>" + "".join(f"<p>{line}</p>" for line in body.split("\n") if line) + "</body></html>\n"
        return self.crlf(
            head + f"Content-Type: multipart/alternative;\n\tboundary=\"{b}\"\n\n--{b}\nContent-Type: text/plain; charset=\"utf-8\"\n"
            f"Content-Transfer-Encoding: quoted-printable\n\n{encoded}\n--{b}\nContent-Type: text/html; charset=\"utf-8\"\n"
            f"Content-Transfer-Encoding: quoted-printable\n\n{quopri.encodestring(html.encode()).decode()}\n--{b}--\n")

    def corpus_message(self, index):
        return self.random.choice(self.corpus) if self.corpus else self.colleague(index)

    # Unrelated.
    def newsletter(self, index):
        at = self.when(index)
        b = self.boundary()
        stories = [(self.sentence(6), self.paragraph(self.random.randrange(3, 7))) for _ in range(self.random.randrange(6, 14))]
        plain = "\n\n".join(f"{title}\n{'=' * len(title)}\n{text}" for title, text in stories)
        html = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body{font-family:Arial,sans-serif}td{padding:8px}"
                ".story{border-bottom:1px solid #ddd}</style></head><body><table width=\"600\" align=\"center\">"
                + "".join(f"<tr><td class=\"story\"><h2 style=\"color:#005eb8\">{title}</h2><p style=\"font-size:14px;line-height:20px\">{text}</p>"
                          f"<a href=\"https://news.example/track?u={self.hexid(20)}&amp;s={i}\">Read more</a></td></tr>"
                          for i, (title, text) in enumerate(stories)) + "</table></body></html>")
        return self.crlf(
            f"Return-Path: <bounce-{self.hexid(12).lower()}@news.primarycare.example>\nReceived: from mta7.news.primarycare.example "
            f"(mta7.news.primarycare.example [198.51.100.77])\n\tby mx.riverside.example with ESMTPS id {self.hexid(10)}\n\tfor <{OURS}>; "
            f"{self.date(at)}\nFrom: Primary Care Bulletin <news@primarycare.example>\nTo: {OURS}\nSubject: Primary Care Bulletin: "
            f"{self.sentence(5)}\nDate: {self.date(at)}\nMessage-ID: <{self.hexid(20).lower()}@news.primarycare.example>\n"
            f"List-Unsubscribe: <https://news.primarycare.example/u/{self.hexid(24).lower()}>, <mailto:unsubscribe@news.primarycare.example>\n"
            f"List-Unsubscribe-Post: List-Unsubscribe=One-Click\nPrecedence: bulk\nMIME-Version: 1.0\n"
            f"Content-Type: multipart/alternative; boundary=\"{b}\"\n\n--{b}\nContent-Type: text/plain; charset=utf-8\n"
            f"Content-Transfer-Encoding: quoted-printable\n\n{quopri.encodestring(plain.encode()).decode()}\n--{b}\n"
            f"Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
            f"{quopri.encodestring(html.encode()).decode()}\n--{b}--\n")

    def colleague(self, index):
        at = self.when(index)
        who = self.random.choice(["Dr B Jones <b.jones@riverside.example>", "Reception <reception@riverside.example>",
                                  "Karen Patel <karen.patel@nhs.example>", "IT Support <itsupport@csu.example>"])
        return self.crlf(
            f"Received: from mail.riverside.example (mail.riverside.example [192.0.2.10])\n\tby mx.riverside.example with ESMTPS id "
            f"{self.hexid(10)}\n\tfor <{OURS}>; {self.date(at)}\nFrom: {who}\nTo: {OURS}\nSubject: {self.sentence(5)}\n"
            f"Date: {self.date(at)}\nMessage-ID: <{self.hexid(24).lower()}@riverside.example>\nMIME-Version: 1.0\n"
            f"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nHi Jane,\n\n"
            + "\n\n".join(self.paragraph(self.random.randrange(2, 6)) for _ in range(self.random.randrange(1, 4))) + "\n\nThanks\n")

    def attachment(self, index):
        at = self.when(index)
        b = self.boundary()
        size = self.random.randrange(40_000, 160_000) * 3 // 4
        pdf = b"%PDF-1.7\n" + self.random.randbytes(size)
        return self.crlf(
            f"From: Karen Patel <karen.patel@nhs.example>\nTo: {OURS}\nSubject: Remittance advice {self.hexid(6)}\nDate: {self.date(at)}\n"
            f"Message-ID: <{self.hexid(24).lower()}@nhs.example>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"{b}\"\n\n"
            f"--{b}\nContent-Type: text/plain; charset=utf-8\n\nPlease find attached this month's remittance advice.\n\n"
            f"--{b}\nContent-Type: application/pdf; name=\"remittance.pdf\"\nContent-Disposition: attachment; filename=\"remittance.pdf\"\n"
            f"Content-Transfer-Encoding: base64\n\n{base64.encodebytes(pdf).decode()}\n--{b}--\n")

    def list_reply(self, index):
        """A reply in some other thread: In-Reply-To names no email of ours, so it is unrelated."""
        at = self.when(index)
        other = f"{self.hexid(24).lower()}@lists.lmc.example"
        return self.crlf(
            f"From: Dr C Okafor <c.okafor@riverside.example>\nTo: practice-managers@lists.lmc.example\nCc: {OURS}\n"
            f"Subject: Re: {self.sentence(5)}\nDate: {self.date(at)}\nMessage-ID: <{self.hexid(24).lower()}@riverside.example>\n"
            f"In-Reply-To: <{other}>\nReferences: <{other}>\nList-Id: Practice managers <practice-managers.lists.lmc.example>\n"
            f"MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n{self.paragraph(3)}\n\n"
            + "\n".join("> " + self.sentence(12) for _ in range(8)) + "\n")

    KINDS = (  # (weight, maker)
        (10, "outlook_read"), (4, "outlook_not_read"), (10, "thunderbird"),
        (8, "dsn_failed"), (3, "dsn_delayed"), (3, "dsn_delivered"),
        (6, "exchange_ooo"), (4, "gmail_vacation"),
        (10, "human_reply"),
        (2, "corpus_message"),
        (20, "newsletter"), (12, "colleague"), (4, "attachment"), (4, "list_reply"),
    )

    def make(self, index):
        total = sum(weight for weight, _ in self.KINDS)
        pick = self.random.randrange(total)
        for weight, name in self.KINDS:
            if pick < weight:
                break
            pick -= weight
        if name.startswith("dsn_"):
            return self.postfix_dsn(index, name[4:])
        return getattr(self, name)(index)


def messages(sent, count, seed, first=0, matched=0.55):
    maker = Maker(sent, seed, matched)
    return [maker.make(first + index) for index in range(count)]


def fill(host, port, ca_file, user, password, folder, batch, per_command=250):
    """CREATE `folder` (if it is not there) and APPEND each message of `batch`, in order, over one
    STARTTLS connection. Dovecot offers MULTIAPPEND (RFC 3502) and LITERAL+ (RFC 7888): one APPEND
    command then carries `per_command` messages and is saved as one transaction, so one fsync, not
    one a message (~4 s for 10,000 here, against 111 s one by one); without them, one APPEND a message."""
    import imaplib
    import ssl
    connection = imaplib.IMAP4(host, int(port))
    connection.starttls(ssl.create_default_context(cafile=ca_file))
    connection.login(user, password)
    _, answer = connection.capability()
    capabilities = answer[0].upper().split()
    connection.create(folder)
    if b"MULTIAPPEND" not in capabilities or b"LITERAL+" not in capabilities:
        for message in batch:
            status, answer = connection.append(folder, None, None, message)
            if status != "OK":
                raise RuntimeError(f"APPEND to {folder} failed: {answer}")
        connection.logout()
        return
    for start in range(0, len(batch), per_command):
        tag = f"F{start:06d}".encode()
        command = [tag + b' APPEND "' + folder.encode() + b'"']
        for message in batch[start:start + per_command]:
            command.append(b" {%d+}\r\n" % len(message) + message)
        connection.send(b"".join(command) + b"\r\n")
        while True:
            line = connection.readline()
            if not line:
                raise RuntimeError(f"APPEND to {folder}: connection closed")
            if line.startswith(tag + b" "):
                if not line.startswith(tag + b" OK"):
                    raise RuntimeError(f"APPEND to {folder} failed: {line!r}")
                break
    connection.logout()

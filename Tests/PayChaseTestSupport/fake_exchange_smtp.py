#!/usr/bin/env python3
"""A stand-in for Exchange Online's SMTP submission, for the few answers no real server here
gives on demand: 550 5.7.30 (password sign-in switched off), 535 5.7.139 (SMTP AUTH disabled for
the mailbox), 535 5.7.3 (wrong account or scope) and 554 5.2.0 SendAsDenied. It is NOT a mail
server: it speaks just enough SMTP (with STARTTLS, using the rig's certificate) to give them.

    fake_exchange_smtp.py MODE CERT KEY     prints the loopback port, then serves until killed
MODE: basic-off | auth-disabled | wrong-scope | send-as-denied
"""
import socket, ssl, sys, threading

ANSWERS = {
    "basic-off": "550 5.7.30 Basic authentication is not supported for Client Submission.",
    "auth-disabled": "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.",
    "wrong-scope": "535 5.7.3 Authentication unsuccessful [LO4P123CA0001.GBRP123.PROD.OUTLOOK.COM]",
}
SEND_AS_DENIED = ("554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; "
                  "Failed to process message due to a permanent exception with message [BeginDiagnosticData]Cannot submit message.")


def serve(conn, mode, context):
    stream = conn.makefile("rwb")

    def say(line):
        stream.write(line.encode() + b"\r\n")
        stream.flush()

    say("220 fake-exchange.test Microsoft ESMTP MAIL Service ready (test stand-in)")
    secure = False
    while True:
        raw = stream.readline()
        if not raw:
            return
        line = raw.decode("latin-1").rstrip("\r\n")
        verb = line.split(" ", 1)[0].upper()
        if verb in ("EHLO", "HELO"):
            extensions = ["AUTH LOGIN XOAUTH2", "8BITMIME", "SIZE 37748736"] if secure else ["STARTTLS", "8BITMIME"]
            say("250-fake-exchange.test Hello")
            for index, extension in enumerate(extensions):
                say(("250 " if index == len(extensions) - 1 else "250-") + extension)
        elif verb == "STARTTLS":
            say("220 2.0.0 SMTP server ready")
            stream.close()
            conn = context.wrap_socket(conn, server_side=True)
            stream = conn.makefile("rwb")
            secure = True
        elif verb == "AUTH":
            if mode == "send-as-denied" or (mode == "basic-off" and "XOAUTH2" in line.upper()):
                words = line.split()
                if words[1].upper() == "LOGIN":
                    # Username (unless given with the command), then password, each after a 334.
                    for prompt in (["334 VXNlcm5hbWU6"] if len(words) == 2 else []) + ["334 UGFzc3dvcmQ6"]:
                        say(prompt)
                        stream.readline()
                say("235 2.7.0 Authentication successful")
            else:
                say(ANSWERS[mode])
        elif verb in ("MAIL", "RCPT", "RSET", "NOOP"):
            say("250 2.1.0 Sender OK" if verb == "MAIL" else "250 2.1.5 Recipient OK" if verb == "RCPT" else "250 2.0.0 OK")
        elif verb == "DATA":
            say("354 Start mail input; end with <CRLF>.<CRLF>")
            while True:
                data = stream.readline()
                if not data or data in (b".\r\n", b".\n"):
                    break
            say(SEND_AS_DENIED if mode == "send-as-denied" else "250 2.0.0 OK <fake@fake-exchange.test> [Hostname=fake]")
        elif verb == "QUIT":
            say("221 2.0.0 Service closing transmission channel")
            return
        else:
            say("500 5.3.3 Unrecognized command")


def main():
    mode, cert, key = sys.argv[1:4]
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    print(listener.getsockname()[1], flush=True)
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=lambda c=conn: _guard(c, mode, context), daemon=True).start()


def _guard(conn, mode, context):
    try:
        serve(conn, mode, context)
    except (OSError, ssl.SSLError):
        pass
    finally:
        conn.close()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Parse an .eml file with Python's standard email package and print what a mail client sees, as JSON.

Used by the tests as an independent reader of the messages PayChase writes."""
import email
import hashlib
import email.header
import email.policy
import json
import re
import sys

raw = open(sys.argv[1], "rb").read()
message = email.message_from_bytes(raw, policy=email.policy.default)
body = message.get_body(preferencelist=("plain",))
result = {
    "headers": [[name, str(value)] for name, value in message.items()],
    # The same values unfolded and decoded by email.header, which drops the space between two
    # encoded words as RFC 2047 section 6.2 says; policy.default's address parser keeps it in a
    # display name (CPython issue gh-128110).
    "rfc2047_headers": [
        [name, str(email.header.make_header(email.header.decode_header(re.sub(r"\r?\n(?=[ \t])", "", raw_value))))]
        for name, raw_value in message.raw_items()
    ],
    "defects": [type(d).__name__ for d in message.defects] + [type(d).__name__ for part in message.walk() for d in part.defects],
    "content_type": message.get_content_type(),
    "charset": message.get_content_charset(),
    "transfer_encoding": message.get("Content-Transfer-Encoding"),
    # Line ends as a mail client shows them: the decoded body keeps the wire's CRLF.
    "body": body.get_content().replace("\r\n", "\n") if body is not None else None,
    "from_addresses": [a.addr_spec for a in message["From"].addresses] if message["From"] else [],
    "to_addresses": [a.addr_spec for a in message["To"].addresses] if message["To"] else [],
    "to_names": [a.display_name for a in message["To"].addresses] if message["To"] else [],
    "from_names": [a.display_name for a in message["From"].addresses] if message["From"] else [],
}
result["attachments"] = [
    {
        "filename": part.get_filename(),
        "content_type": part.get_content_type(),
        "transfer_encoding": part.get("Content-Transfer-Encoding"),
        "sha256": hashlib.sha256(part.get_payload(decode=True)).hexdigest(),
        "size": len(part.get_payload(decode=True)),
    }
    for part in message.iter_attachments()
]
json.dump(result, sys.stdout, ensure_ascii=False)

#!/usr/bin/env python3
"""Approves (or denies) an OAuth 2.0 device code the way a person does: in headless Chromium, on
the identity provider's own pages (the test mail rig's glewlwyd; see scripts/mailrig).

    python3 Tests/Browser/approve_device.py --url VERIFICATION_URI[_COMPLETE] --code USER_CODE \\
        --user U --password P [--ca DIR/cert.pem] [--deny] [--screenshots FOLDER]

It opens --url, signs in with --user/--password, types --code if the page asks for it, ticks every
scope asked for and presses "Grant access", then "Continue". It exits 0 once the provider says
"Authorization complete"; otherwise 1 with what it saw (and a screenshot if --screenshots is given).

--deny: glewlwyd 2.7 has no "deny" or "cancel" for a device code: nothing a person does on its
pages makes the token endpoint answer access_denied. With --deny the script signs in and, at the
grant (or "Continue") page, grants nothing and signs out ("Logout"); the code then stays pending
(authorization_pending) until it expires (expired_token; 600 s at the rig's main instance, 30 s at
its short one). It exits 0 once the provider says "Session closed". The token endpoint does answer
{"error":"access_denied"} (HTTP 400) for a device code it does not know or that was already
exchanged for tokens.

--ca: Chromium has no per-origin CA option; the certificate is checked here with Python (the page's
origin must present the rig certificate, verified against --ca), and Chromium is then started with
--ignore-certificate-errors, which this loopback test accepts. Without --ca nothing is checked.

Environment: CHROMIUM and CHROMEDRIVER (default /usr/bin/chromium, /usr/bin/chromedriver).
"""

import argparse
import os
import socket
import ssl
import sys
import time
import urllib.parse


class Failed(Exception):
    pass


def check_certificate(url, ca):
    """The origin of `url` must present a certificate that `ca` verifies (hostname included)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme != "https":
        raise Failed(f"{url}: not https")
    context = ssl.create_default_context(cafile=ca)
    with socket.create_connection((parts.hostname, parts.port or 443), timeout=10) as raw:
        with context.wrap_socket(raw, server_hostname=parts.hostname):
            pass


def start_browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--ignore-certificate-errors", "--window-size=1200,1000", "--lang=en-GB"):
        options.add_argument(argument)
    # English pages whatever the machine's locale (the texts below are glewlwyd's English ones).
    options.add_experimental_option("prefs", {"intl.accept_languages": "en-GB,en"})
    return webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")),
                            options=options)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="verification_uri or verification_uri_complete")
    parser.add_argument("--code", required=True, help="the user_code")
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--ca", help="the rig's certificate (PAYCHASE_RIG_CA)")
    parser.add_argument("--deny", action="store_true", help="sign in, grant nothing, sign out")
    parser.add_argument("--timeout", type=float, default=20, help="seconds to wait for each page")
    parser.add_argument("--screenshots", help="folder for a screenshot when something fails")
    args = parser.parse_args()

    if args.ca:
        try:
            check_certificate(args.url, args.ca)
        except (OSError, ssl.SSLError) as e:
            print(f"FAILED: {args.url} does not present a certificate {args.ca} verifies: {e}", flush=True)
            return 1

    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.common.by import By

    driver = start_browser()
    # glewlwyd 2.7.5 keeps every static file it serves open and stops accepting connections near
    # 1024 descriptors (FD_SETSIZE). The pages work without their styles, fonts and images, so those
    # are not fetched: a sign-in then costs it about 21 descriptors (its scripts), so one rig
    # takes some 45 sign-ins; the whole test suite makes about 10.
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*.css", "*.woff", "*.woff2", "*.ttf", "*.eot", "*.svg", "*.png", "*.ico"]})
    except WebDriverException:
        pass
    seen = []

    def body_text():
        try:
            return driver.find_element(By.TAG_NAME, "body").text
        except (StaleElementReferenceException, WebDriverException):
            return ""

    def visible(css):
        try:
            return [e for e in driver.find_elements(By.CSS_SELECTOR, css) if e.is_displayed() and e.is_enabled()]
        except (StaleElementReferenceException, WebDriverException):
            return []

    def button(text):
        found = [b for b in visible("button") if b.text.strip() == text]
        return found[0] if found else None

    def wait(what, predicate):
        deadline = time.time() + args.timeout
        while time.time() < deadline:
            try:
                value = predicate()
            except (StaleElementReferenceException, WebDriverException):
                value = None
            if value:
                return value
            time.sleep(0.1)
        raise Failed(f"waited {args.timeout:g} s for {what}")

    def state():
        """Which of glewlwyd's login.html states the page is in."""
        text, url = body_text(), driver.current_url
        if "Authorization complete" in text:
            return "complete"
        # Without a signed-in session, a refused code leaves login.html saying only "Invalid
        # login URL"; the prompt in the address says why.
        if "prompt=deviceCodeError" in url or "Invalid code" in text:
            return "bad-code"
        if "prompt=deviceServerError" in url or ("Device authorization" in text and "Server error" in text):
            return "error"
        if "Session closed" in text:
            return "signed-out"
        if visible("#username") and visible("#password"):
            return "login"
        if visible("input[id^='grant-']") and button("Grant access"):
            return "grant"
        if button("Continue"):
            return "continue"
        if "Please enter the code" in text and visible("input[maxlength='9']"):
            return "code"
        return None

    try:
        driver.get(args.url)
        steps = 0
        signed_in = typed_code = False
        while True:
            steps += 1
            if steps > 12:
                raise Failed("too many steps; pages seen: " + " -> ".join(seen))
            current = wait("a glewlwyd page (sign-in, code, grant, continue or complete)", state)
            seen.append(current)
            if current == "complete":
                if args.deny:
                    raise Failed("the provider says the device is authorized, yet --deny granted nothing")
                print(f"ok: device code {args.code} approved for {args.user} (pages: {' -> '.join(seen)})", flush=True)
                return 0
            if current == "bad-code":
                raise Failed(f"the provider does not know the code {args.code} (expired, used, or mistyped)")
            if current == "error":
                raise Failed(f"the provider reported a server error: {body_text()!r}")
            if current == "signed-out":
                raise Failed(f"signed out unexpectedly: {body_text()!r}")
            if current == "login":
                if signed_in:
                    raise Failed(f"sign-in as {args.user} was refused: {body_text()!r}")
                user, password = visible("#username")[0], visible("#password")[0]
                user.clear(); user.send_keys(args.user)
                password.clear(); password.send_keys(args.password)
                visible("#loginbut")[0].click()
                signed_in = True
                wait("the sign-in to be answered", lambda: state() != "login" or "rror" in body_text())
                if state() == "login":
                    raise Failed(f"sign-in as {args.user} was refused: {body_text()!r}")
            elif current == "code":
                if typed_code:
                    raise Failed(f"the code {args.code} was not accepted: {body_text()!r}")
                field = visible("input[maxlength='9']")[0]
                field.clear(); field.send_keys(args.code)
                wait("the OK button", lambda: button("OK")).click()
                typed_code = True
                time.sleep(0.3)
            elif args.deny and current in ("grant", "continue"):
                # No deny button: grant nothing, sign out (see the top of this file).
                print("the provider asks to " + ("grant scopes " + " ".join(
                      b.get_attribute("id")[len("grant-"):] for b in visible("input[id^='grant-']"))
                      if current == "grant" else "continue with scopes granted before")
                      + "; granting nothing and signing out", flush=True)
                logout = button("Logout")
                if logout is None:
                    raise Failed("no Logout button on the grant page")
                logout.click()
                wait("the provider to close the session", lambda: state() == "signed-out")
                print(f"ok: device code {args.code} not approved (it stays pending until it expires; "
                      f"pages: {' -> '.join(seen)})", flush=True)
                return 0
            elif current == "grant":
                boxes = visible("input[id^='grant-']")
                for box in boxes:
                    if not box.is_selected():
                        box.click()
                button("Grant access").click()
                wait("the grant to be saved", lambda: state() != "grant")
            elif current == "continue":
                button("Continue").click()
                wait("the next page", lambda: state() != "continue")
    except Failed as e:
        print(f"FAILED: {e} (url now {driver.current_url})", flush=True)
        if args.screenshots:
            os.makedirs(args.screenshots, exist_ok=True)
            path = os.path.join(args.screenshots, f"approve-device-{args.code}.png")
            driver.save_screenshot(path)
            print(f"screenshot: {path}", flush=True)
        return 1
    finally:
        driver.quit()


if __name__ == "__main__":
    sys.exit(main())

"""Issue 21.1: the web pages for everyone, checked in Chromium as walk.py drives it.

Every page, signed out and in, for a practice with no claims yet, the example practice and one
with 10,000 claims, with a message shown and with a form's errors, is audited with axe-core 4.x
(WCAG 2.0, 2.1 and 2.2, levels A and AA: no violations) and laid out at 320 CSS px and at a
1280 px window zoomed to 200% (640 CSS px) without the page scrolling sideways (a wide table
scrolls inside its own box, as WCAG 1.4.10 allows). Then the send-and-record journey is done by
keyboard alone: the skip link first, every stop visibly focused, Tab, Enter and Space only, and
the whole claim page tabbed through without a trap.

axe-core comes from the axe-playwright-python wheel (pinned in scripts/test and installed
without its Playwright dependency: only its copy of axe.min.js is used, injected through
Selenium). axe-selenium-python's newest release (2.1.6) ships axe-core 3.1, which knows no WCAG
2.1 or 2.2 rules.
"""

import importlib.util
import subprocess
from pathlib import Path

AXE_WHEEL = "axe-playwright-python==0.1.8"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# A 1280 px window at 200% zoom lays pages out in 640 CSS px; WCAG's reflow width is 320.
WIDTHS = {320: "320 CSS px wide", 640: "200% zoom (640 CSS px)"}
PASSWORD = "correct horse battery"
BIG = 10_000


def axe_source():
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"axe-core is not installed: python3 -m pip install --no-deps {AXE_WHEEL}")
    return (Path(list(spec.submodule_search_locations)[0]) / "axe.min.js").read_text()


class Auditor:
    """Runs axe and the reflow check on whatever page the driver shows."""

    def __init__(self, driver, check, shot):
        self.driver = driver
        self.check = check
        self.shot = shot
        self.axe = axe_source()
        self.pages = 0

    def violations(self):
        self.driver.set_script_timeout(300)
        self.driver.execute_script(self.axe)
        return self.driver.execute_async_script(
            """const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
              .then(r => done({version: axe.version, violations: r.violations.map(v => ({
                  id: v.id, impact: v.impact, help: v.help,
                  nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').slice(0, 200))}))}))
              .catch(e => done({version: '?', violations: [{id: 'axe-error', help: String(e), nodes: []}]}));""",
            TAGS)

    def overflow(self, width):
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        try:
            # Laid out again at the new width without reloading: a page that answered a form
            # must not be posted again.
            return self.driver.execute_script(
                """const w = document.documentElement.clientWidth;
                const wide = [];
                for (const e of document.querySelectorAll('body *')) {
                  const b = e.getBoundingClientRect();
                  if (b.width > 0 && b.right > w + 1 && !e.closest('.scroll') && !e.closest('.skip-link')) wide.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : ''));
                }
                return {scroll: document.documentElement.scrollWidth, width: w, wide: wide.slice(0, 6)};""")
        finally:
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def audit(self, name, reflow=True):
        """`name` says which page and in what state; the page must be the one shown now."""
        self.pages += 1
        result = self.violations()
        self.check(result["version"].startswith("4."), f"{name}: audited with axe-core 4.x", result["version"])
        found = result["violations"]
        self.check(not found, f"{name}: no WCAG 2.0/2.1/2.2 A or AA violations (axe-core {result['version']})",
                   "; ".join(f"{v['id']} ({v['impact']}): {v['help']} at {v['nodes']}" for v in found))
        tables = self.driver.execute_script(
            """return {uncaptioned: Array.from(document.querySelectorAll('table')).filter(t => !t.caption || !t.caption.textContent.trim()).map(t => t.id || '?'),
                      unscoped: document.querySelectorAll('th:not([scope])').length,
                      charts: document.querySelectorAll('figure.chart svg').length,
                      described: Array.from(document.querySelectorAll('figure.chart')).filter(f => {
                        let outer = f; while (outer.parentElement && outer.parentElement.tagName === 'FIGURE') outer = outer.parentElement;
                        const next = outer.nextElementSibling;
                        return next && (next.tagName === 'TABLE' || next.querySelector('table')); }).length}""")
        self.check(not tables["uncaptioned"] and tables["unscoped"] == 0, f"{name}: every table has a caption and its headers a scope", str(tables))
        self.check(tables["described"] == tables["charts"], f"{name}: every chart has its figures in a table", str(tables))
        if reflow:
            for width, said in WIDTHS.items():
                laid = self.overflow(width)
                self.check(laid["scroll"] <= laid["width"] and not laid["wide"],
                           f"{name}: no sideways scrolling at {said}", str(laid))


def add_admin(practice, name="ada"):
    env = practice.environment
    env["PAYCHASE_USER_PASSWORD"] = PASSWORD
    done = subprocess.run([practice.binary, "user", "add", name, "--role", "admin"], cwd=practice.path, env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(done.stderr)


def sign_in(driver, url, By, left, check, name="ada", password=PASSWORD):
    driver.get(url + "/login")
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(password)
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.ID, "login").click()
    left(old)
    check(len(driver.find_elements(By.NAME, "logout")) == 1, f"{name} is signed in", driver.current_url)


def big_claims(path):
    """10,000 claims across the four categories, some paid, most overdue on the day."""
    services = [("QOF achievement", "QOF"), ("Minor surgery DES", "DES"),
                ("Anticoagulation monitoring LES", "LES"), ("NHS Health Checks", "PH")]
    lines = ["claim_id,service,category,period,amount,paid,submitted_on,reference"]
    for i in range(1, BIG + 1):
        service, category = services[i % 4]
        month = 1 + i % 9
        paid = f"{(i % 7) * 10}.00" if i % 5 == 0 else ""
        lines.append(f"Z-{i:05d},{service},{category},Q{1 + i % 3} 2026/27,{100 + i % 900}.{i % 100:02d},{paid},"
                     f"2026-{month:02d}-{1 + i % 27:02d},REF-{i}")
    path.write_text("\n".join(lines) + "\n")


def accessibility(rig, binary, artifacts, tools):
    """tools: walk.py's check, Practice, browser, wait_for and page helpers."""
    from selenium.webdriver.common.by import By

    check = tools.check
    downloads = artifacts / "downloads-a11y"
    downloads.mkdir(parents=True, exist_ok=True)
    driver = tools.browser(downloads)
    shots = [0]

    def shot(name):
        shots[0] += 1
        driver.save_screenshot(str(artifacts / f"a11y-{shots[0]:02d}-{name}.png"))

    left = tools.left(driver)
    auditor = Auditor(driver, check, shot)
    practices = []
    try:
        # A practice just set up: no claims file yet, no users.
        empty = tools.Practice(rig, binary)
        practices.append(empty)
        (empty.path / "claims.csv").unlink()
        url = empty.serve()
        for path in ["/", "/claims", "/import", "/bank", "/queue", "/record", "/reports", "/calendar", "/mailbox"]:
            driver.get(url + path)
            auditor.audit(f"empty practice {path}")
        driver.get(url + "/")
        check(len(driver.find_elements(By.ID, "no-claims")) == 1, "an empty practice's dashboard offers the import")
        empty.stop()

        # The example practice with an admin: signed out, then in, every page and state.
        practice = tools.Practice(rig, binary)
        practices.append(practice)
        add_admin(practice)
        url = practice.serve()
        driver.get(url + "/login")
        auditor.audit("signed out: the login page")
        driver.find_element(By.ID, "name").send_keys("ada")
        driver.find_element(By.ID, "password").send_keys("not the password")
        old = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(By.ID, "login").click()
        left(old)
        auditor.audit("signed out: a refused sign-in")
        sign_in(driver, url, By, left, check)
        pages = ["/", "/claims", "/claims?next=send&sort=overdue&order=desc", "/claims/D-2026-014",
                 "/claims/Q-2026-001?template=appeal", "/import", "/bank", "/queue", "/record", "/reports",
                 "/calendar", "/mailbox", "/users"]
        for path in pages:
            driver.get(url + path)
            check(len(driver.find_elements(By.NAME, "logout")) == 1, f"signed in {path}: the page is shown, not the login", driver.current_url)
            auditor.audit(f"signed in {path}")
        shot("signed-in-claim")

        # A form's errors: the error summary names the field and links to it.
        driver.get(url + "/claims/D-2026-014")
        driver.find_element(By.ID, "payment-amount").send_keys("twelve pounds")
        old = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(By.ID, "record-payment").click()
        left(old)
        summary = driver.find_elements(By.CSS_SELECTOR, "#error-summary a")
        check(len(summary) == 1 and summary[0].text.startswith("Amount: ")
              and summary[0].get_attribute("href").endswith("/claims/D-2026-014#payment-amount"),
              "the error summary names the field and links to it", summary[0].text if summary else driver.page_source[:400])
        check(driver.switch_to.active_element.get_attribute("id") == "error-summary", "the error summary takes the focus",
              driver.switch_to.active_element.get_attribute("outerHTML")[:120])
        auditor.audit("a payment form's error")
        shot("error-summary")
        driver.get(url + "/import")
        bad = practice.path / "bad-claims.csv"
        bad.write_text("claim_id,service,category,period,amount,submitted_on\nX-1,Minor surgery DES,DES,Q2 2026/27,twelve,2026-10-01\n")
        driver.find_element(By.ID, "claims-file").send_keys(str(bad))
        old = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(By.ID, "upload").click()
        left(old)
        check(len(driver.find_elements(By.ID, "problems")) == 1, "a bad claims file lists its problems")
        auditor.audit("an import's problems")
        driver.get(url + "/bank")
        driver.find_element(By.ID, "statement-file").send_keys(str(bad))
        old = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(By.ID, "read-statement").click()
        left(old)
        auditor.audit("a bank statement that cannot be read")
        driver.get(url + "/")
        check(len(driver.find_elements(By.ID, "aged-debt-table")) == 1, "the dashboard's chart has its figures as a table beside it")

        # A message shown: a payment recorded.
        driver.get(url + "/claims/D-2026-014")
        driver.find_element(By.ID, "payment-amount").send_keys("10.00")
        old = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(By.ID, "record-payment").click()
        left(old)
        check("Recorded £10.00" in tools.text(driver, "#flash"), "the payment's message is shown", tools.text(driver, "#flash"))
        auditor.audit("the claim page with a message", reflow=False)

        keyboard_journey(driver, url, check, shot, left, tools, practice)
        practice.stop()

        # A network's practice: 10,000 claims.
        big = tools.Practice(rig, binary, imap=False)
        practices.append(big)
        big_claims(big.path / "claims.csv")
        url = big.serve()
        for path in ["/", "/claims", "/claims?page=50", "/claims/Z-10000", "/reports", "/calendar", "/record"]:
            driver.get(url + path)
            auditor.audit(f"10,000 claims {path}")
        check(auditor.pages >= 30, f"{auditor.pages} pages and states audited")
        big.stop()
    finally:
        driver.quit()
        for practice in practices:
            practice.stop()
            practice.remove()


def focus_shown(driver):
    """Whether the focused element shows it: an outline or a box shadow, as the style sheet draws."""
    return driver.execute_script(
        """const e = document.activeElement; if (!e || e === document.body) return false;
        const s = getComputedStyle(e);
        return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';""")


def keyboard_journey(driver, url, check, shot, left, tools, practice):
    """Send the chase and record a payment by keyboard alone, then tab through the claim page."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    def press(key):
        ActionChains(driver).send_keys(key).perform()

    def active():
        return driver.switch_to.active_element

    def tab_to(describe, matches, limit=120):
        for _ in range(limit):
            press(Keys.TAB)
            if matches(active()):
                check(focus_shown(driver), f"by keyboard: {describe} is reached and visibly focused",
                      active().get_attribute("outerHTML")[:160])
                return active()
        check(False, f"by keyboard: {describe} is reached with Tab", f"{limit} presses")

    driver.get(url + "/")
    tab_to("the skip link, first", lambda e: e.get_attribute("class") == "skip-link", limit=1)
    press(Keys.ENTER)
    check(active().get_attribute("id") == "main", "Enter on the skip link moves to the page's content",
          active().get_attribute("outerHTML")[:120])
    link = tab_to("D-2026-014 among today's actions", lambda e: (e.get_attribute("href") or "").endswith("/claims/D-2026-014"))
    old = tools.html(driver)
    press(Keys.ENTER)
    left(old)
    check(driver.current_url.endswith("/claims/D-2026-014"), "Enter opens the claim", driver.current_url)
    tab_to("the email to send", lambda e: e.get_attribute("id") == "send-template")
    tab_to("the Send button", lambda e: e.get_attribute("id") == "send")
    old = tools.html(driver)
    press(Keys.SPACE)
    left(old)
    shot("keyboard-sent")
    check("chase" in tools.text(driver, "#flash"), "Space on Send sends the chase", tools.text(driver, "#flash"))
    check(len(practice.accepted("D-2026-014")) == 1, "the server accepted the chase sent by keyboard")
    tab_to("the payment's amount", lambda e: e.get_attribute("id") == "payment-amount")
    press("25.00")
    tab_to("the Record payment button", lambda e: e.get_attribute("id") == "record-payment")
    old = tools.html(driver)
    press(Keys.ENTER)
    left(old)
    check("Recorded £25.00" in tools.text(driver, "#flash"), "Enter records the payment", tools.text(driver, "#flash"))

    # No trap: Tab from the top reaches every control on the page, each visibly focused, and leaves it.
    driver.get(url + "/claims/D-2026-014")
    expected = driver.execute_script(
        """return Array.from(document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"])'))
             .filter(e => !e.disabled && (e.getClientRects().length || e.classList.contains('skip-link'))).length""")
    seen, unshown = [], []
    for _ in range(expected + 10):
        press(Keys.TAB)
        element = active()
        if element.tag_name.lower() == "body" or (seen and element == seen[0]):
            break
        if not focus_shown(driver):
            unshown.append(element.get_attribute("outerHTML")[:100])
        seen.append(element)
    check(len(seen) >= expected, f"Tab reaches all {expected} controls of the claim page, then leaves it (no trap)",
          f"{len(seen)} reached")
    check(not unshown, "every control of the claim page shows its focus", str(unshown[:3]))

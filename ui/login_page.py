"""The login page: small, server-rendered HTML in Danish, usable without script (docs/login.md).

Labels on every field, the focus on the first field to fill (the user name, or the password
after a failed attempt), the error announced to screen readers (``role="alert"``) and text
with a contrast of at least 4.5:1 (WCAG 2.1 AA), in the app's colours.
"""

from __future__ import annotations

from html import escape

TITLE = "Log ind – Resultatkontrakter"
FORBIDDEN = (
    "Formularen kunne ikke bruges: den er for gammel eller kom fra en anden side. "
    "Hent siden igen og prøv på ny."
)

_STYLE = """
:root{--blue:#1f4e79;--ink:#1b1b1b;--line:#6b7280;--bad:#a4161a}
*{box-sizing:border-box}
body{margin:0;font-family:"Source Sans Pro","Source Sans 3",system-ui,-apple-system,
"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#f3f5f8;
line-height:1.5}
main{max-width:26rem;margin:8vh auto;padding:2rem;background:#fff;border-radius:.75rem;
box-shadow:0 1px 4px rgba(0,0,0,.15)}
h1{font-size:1.6rem;margin:0 0 .25rem;color:var(--blue)}
p.lead{margin:0 0 1.5rem}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input[type=text],input[type=password]{width:100%;font:inherit;padding:.5rem .6rem;
border:1px solid var(--line);border-radius:.4rem}
input:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid var(--blue);
outline-offset:2px}
button{margin-top:1.5rem;width:100%;font:inherit;font-weight:600;padding:.6rem;
border:0;border-radius:.5rem;background:var(--blue);color:#fff;cursor:pointer}
button:hover{background:#163a5b}
.error{border-left:4px solid var(--bad);background:#fdecec;color:var(--bad);
padding:.6rem .8rem;margin:0 0 1rem;font-weight:600}
a{color:var(--blue)}
footer{margin-top:1.5rem;font-size:.95rem}
"""


def login_html(*, csrf: str, next_path: str, error: str = "", username: str = "") -> str:
    """The page with its form; ``error`` (one Danish line) above the fields when set."""
    alert = f'<p class="error" role="alert" id="fejl">{escape(error)}</p>' if error else ""
    described = ' aria-describedby="fejl"' if error else ""
    user_focus = "" if username else " autofocus"
    password_focus = " autofocus" if username else ""
    return f"""<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>{escape(TITLE)}</title>
<style>{_STYLE}</style>
</head>
<body>
<main>
<h1>Log ind</h1>
<p class="lead">Resultatkontrakter for erhvervshusene og KKR.</p>
{alert}
<form method="post" action="/auth/login"{described}>
<input type="hidden" name="csrf" value="{escape(csrf)}">
<input type="hidden" name="next" value="{escape(next_path)}">
<label for="brugernavn">Brugernavn</label>
<input type="text" id="brugernavn" name="username" autocomplete="username" required
 value="{escape(username)}"{user_focus}>
<label for="adgangskode">Adgangskode</label>
<input type="password" id="adgangskode" name="password" autocomplete="current-password"
 required{password_focus}>
<button type="submit">Log ind</button>
</form>
<footer><a href="/">Fortsæt uden at logge ind</a> og se de godkendte tal.</footer>
</main>
</body>
</html>
"""


def forbidden_html() -> str:
    """The answer to a form without a valid token or from another site."""
    return f"""<!doctype html>
<html lang="da">
<head><meta charset="utf-8"><title>{escape(TITLE)}</title><style>{_STYLE}</style></head>
<body><main><h1>Log ind</h1><p class="error" role="alert">{escape(FORBIDDEN)}</p>
<p><a href="/auth/login">Til login-siden</a></p></main></body>
</html>
"""

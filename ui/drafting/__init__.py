"""The "Næste års kontrakt" page's parts: choice, session, goals with evidence, diff, save."""

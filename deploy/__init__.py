"""Running the shared installation: PostgreSQL, several app instances, nginx in front.

``deploy/nginx/`` and ``deploy/systemd/`` are the files an operator copies to a server; the
Python modules start the same stack on one machine for trying it out and for the tests
(``python -m deploy.stack``). See docs/shared-installation.md.
"""

"""The environment variables a build reads (settings.py parses them), by name: messages that
blame a value name its variable, and outputs may say so without reading the environment."""

YEAR_VAR = "QUALITY_YEAR"
TODAY_VAR = "QUALITY_TODAY"
SITE_VAR = "QUALITY_SITE_URL"
REPO_VAR = "QUALITY_REPO_URL"
REPO_KIND_VAR = "QUALITY_REPO_KIND"

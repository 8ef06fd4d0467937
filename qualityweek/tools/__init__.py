"""Commands (python -m qualityweek.tools.<name>): the pull-request summary, the content check, the spelling gate. Not imported by the build."""

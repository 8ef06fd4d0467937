"""What arrives from outside, read and validated: YAML as typed, field types, the data file, event files, the environment, the project's folders. Imports only core."""

"""What the pages talk about, from the inputs: one edition with its facts, link resolution, the week's results counted. Imports inputs and core."""

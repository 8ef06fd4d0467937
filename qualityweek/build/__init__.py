"""One build: reads the inputs once (site_data), makes every generated file (generated, results_files). The glue (macros.py, hooks/) calls this layer."""

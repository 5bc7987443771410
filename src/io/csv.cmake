# Sources of the CSV import and export layer.
target_sources(goaltrack PRIVATE)

# Sources of the archive layer (envelope, Boost.Serialization archives, atomic save).
target_sources(goaltrack PRIVATE)

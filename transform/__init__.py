"""Raw tables -> normalized polars frames: classify, read headers, normalize codes and amounts."""

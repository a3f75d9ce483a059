"""Tools that measure the warehouse builder, not part of it: the benchmark (`make bench`), the
synthetic corpus and the scale run (`make scale`). No build imports them, and the build's
inputs hash leaves them out."""

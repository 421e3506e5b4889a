// The system zlib for Swift (Debian: zlib1g-dev). Only RunscopeOTLP's Gzip imports this module.
#ifndef RUNSCOPE_CZLIB_SHIM_H
#define RUNSCOPE_CZLIB_SHIM_H

#include <zlib.h>

// deflateInit2 is a function-like macro, which Swift cannot call: this is it as a function.
// windowBits 15 + 16 asks for a gzip header and trailer (RFC 1952) around the deflate stream.
static inline int runscope_deflate_init_gzip(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

// inflateInit2 likewise; windowBits 15 + 16 accepts only a gzip stream.
static inline int runscope_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 16);
}

#endif

#ifndef PAYCHASE_CPANGOCAIRO_SHIM_H
#define PAYCHASE_CPANGOCAIRO_SHIM_H

#include <pango/pangocairo.h>
#include <cairo/cairo-pdf.h>

// Pango measures in 1/1024 of a point; Swift cannot see the PANGO_SCALE macro.
static inline int pc_pango_scale(void) { return PANGO_SCALE; }

#endif

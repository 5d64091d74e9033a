// System libxml2 (apt: libxml2-dev): the HTML parser for page extraction and the XML reader for feeds.
// Debian's libxml2 is built with ICU, and its encoding.h then includes the system ICU headers,
// which clash with the ICU copy that Foundation brings (a module cannot see both). Nothing here
// uses the ICU members (they are the last fields of xmlCharEncodingHandler, only ever reached
// through pointers), so the ICU part of the headers is left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlstring.h>

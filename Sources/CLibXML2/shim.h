// System libxml2 (apt: libxml2-dev): the HTML parser for page extraction and the XML reader for feeds.
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlstring.h>

/* gsnmp-mib-parser.c - a small, lenient SMIv1/SMIv2 module parser
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * It reads what a MIB store needs to name OIDs and print values: IMPORTS,
 * OBJECT IDENTIFIER assignments, the OBJECT-TYPE, OBJECT-IDENTITY,
 * MODULE-IDENTITY, NOTIFICATION-TYPE, TRAP-TYPE, OBJECT-GROUP,
 * NOTIFICATION-GROUP, MODULE-COMPLIANCE and AGENT-CAPABILITIES macros,
 * TEXTUAL-CONVENTIONs (DISPLAY-HINT, SYNTAX) and type assignments
 * (enumerations, SIZE constraints).  MACRO definitions, value assignments and
 * clauses it does not need are skipped.  It never reads past the text, and
 * nesting is bounded; a syntax error fails the module with its line.
 */
#include "config.h"

#include <string.h>

#include "gsnmp-mib-private.h"
#include "gsnmp-error.h"
#include "gsnmp-i18n-private.h"

#define MAX_DEPTH 64
#define MAX_COMPS 128

typedef enum {
        TOK_EOF = 0,
        TOK_WORD,
        TOK_NUMBER,
        TOK_STRING,
        TOK_BINSTRING,          /* 'ff'H, '01'B */
        TOK_ASSIGN,             /* ::= */
        TOK_LBRACE,
        TOK_RBRACE,
        TOK_LPAREN,
        TOK_RPAREN,
        TOK_LBRACKET,
        TOK_RBRACKET,
        TOK_COMMA,
        TOK_SEMI,
        TOK_DOTDOT,
        TOK_PUNCT,              /* any other character */
} TokKind;

typedef struct {
        TokKind     kind;
        const char *start;
        gsize       len;
} Token;

typedef struct {
        const char *p;
        const char *end;
        const char *text;               /* for line numbers, counted on demand */
        const char *line_pos;           /* where line_no was counted to */
        guint       line_no;
        Token       tok;                /* the current token */
        gboolean    have_peek;
        Token       peek;
        MibModule  *module;
        GError     *error;
} Parser;

/* Character classes: white space, and what continues a word */
static guint8 char_class[256];
#define CLASS_SPACE 1
#define CLASS_WORD  2

static void
init_classes (void)
{
        static gsize done;

        if (g_once_init_enter (&done)) {
                int c;

                for (c = 0; c < 256; c++) {
                        if (g_ascii_isspace (c))
                                char_class[c] |= CLASS_SPACE;
                        if (g_ascii_isalnum (c) || c == '-' || c == '_')
                                char_class[c] |= CLASS_WORD;
                }
                g_once_init_leave (&done, 1);
        }
}

/* The line of @p: counted forward from the last position asked for (the
 * parser asks in increasing order), or from the start. */
static guint
line_at (Parser     *ps,
         const char *p)
{
        const char *nl;

        if (ps->line_pos == NULL || p < ps->line_pos) {
                ps->line_pos = ps->text;
                ps->line_no = 1;
        }
        for (nl = memchr (ps->line_pos, '\n', p - ps->line_pos); nl != NULL;
             nl = memchr (nl + 1, '\n', p - nl - 1))
                ps->line_no++;
        ps->line_pos = p;
        return ps->line_no;
}

static void
skip_space_and_comments (Parser *ps)
{
        while (ps->p < ps->end) {
                guchar c = (guchar) *ps->p;

                if (char_class[c] & CLASS_SPACE) {
                        ps->p++;
                } else if (c == '-' && ps->p + 1 < ps->end && ps->p[1] == '-') {
                        const char *eol, *dash;

                        ps->p += 2;
                        eol = memchr (ps->p, '\n', ps->end - ps->p);
                        if (eol == NULL)
                                eol = ps->end;
                        /* a comment ends at the end of the line or at the next "--" */
                        for (dash = memchr (ps->p, '-', eol - ps->p); dash != NULL && dash + 1 < eol;
                             dash = memchr (dash + 1, '-', eol - dash - 1)) {
                                if (dash[1] == '-')
                                        break;
                        }
                        if (dash != NULL && dash + 1 < eol && dash[1] == '-')
                                ps->p = dash + 2;
                        else
                                ps->p = eol;
                } else {
                        break;
                }
        }
}

static void
lex (Parser *ps,
     Token  *t)
{
        const char *s;

        skip_space_and_comments (ps);
        t->start = ps->p;
        t->len = 0;
        if (ps->p >= ps->end) {
                t->kind = TOK_EOF;
                return;
        }
        s = ps->p;
        if (*s == '"') {
                const char *close;

                s++;
                close = memchr (s, '"', ps->end - s);
                if (close == NULL)
                        close = ps->end;
                s = close;
                t->kind = TOK_STRING;
                t->start = ps->p + 1;
                t->len = s - t->start;
                ps->p = s < ps->end ? s + 1 : s;
                return;
        }
        if (*s == '\'') {
                s++;
                while (s < ps->end && *s != '\'' && *s != '\n')
                        s++;
                if (s < ps->end && *s == '\'')
                        s++;
                if (s < ps->end && (*s == 'H' || *s == 'h' || *s == 'B' || *s == 'b'))
                        s++;
                t->kind = TOK_BINSTRING;
                t->len = s - ps->p;
                ps->p = s;
                return;
        }
        if (*s == ':' && s + 2 < ps->end + 0 && s[1] == ':' && s[2] == '=') {
                t->kind = TOK_ASSIGN;
                t->len = 3;
                ps->p += 3;
                return;
        }
        if (*s == '.' && s + 1 < ps->end && s[1] == '.') {
                t->kind = TOK_DOTDOT;
                t->len = 2;
                ps->p += 2;
                return;
        }
        if (g_ascii_isdigit (*s) || (*s == '-' && s + 1 < ps->end && g_ascii_isdigit (s[1]))) {
                s++;
                while (s < ps->end && g_ascii_isdigit (*s))
                        s++;
                t->kind = TOK_NUMBER;
                t->len = s - ps->p;
                ps->p = s;
                return;
        }
        if (g_ascii_isalpha (*s)) {
                while (s < ps->end && (char_class[(guchar) *s] & CLASS_WORD)) {
                        /* "--" inside a word starts a comment */
                        if (*s == '-' && s + 1 < ps->end && s[1] == '-')
                                break;
                        s++;
                }
                t->kind = TOK_WORD;
                t->len = s - ps->p;
                ps->p = s;
                return;
        }
        switch (*s) {
        case '{': t->kind = TOK_LBRACE; break;
        case '}': t->kind = TOK_RBRACE; break;
        case '(': t->kind = TOK_LPAREN; break;
        case ')': t->kind = TOK_RPAREN; break;
        case '[': t->kind = TOK_LBRACKET; break;
        case ']': t->kind = TOK_RBRACKET; break;
        case ',': t->kind = TOK_COMMA; break;
        case ';': t->kind = TOK_SEMI; break;
        default: t->kind = TOK_PUNCT; break;
        }
        t->len = 1;
        ps->p++;
}

static void
next (Parser *ps)
{
        if (ps->have_peek) {
                ps->tok = ps->peek;
                ps->have_peek = FALSE;
        } else {
                lex (ps, &ps->tok);
        }
}

static const Token *
peek (Parser *ps)
{
        if (!ps->have_peek) {
                lex (ps, &ps->peek);
                ps->have_peek = TRUE;
        }
        return &ps->peek;
}

static gboolean
tok_is (const Token *t,
        const char  *word)
{
        gsize n = strlen (word);

        return t->kind == TOK_WORD && t->len == n && memcmp (t->start, word, n) == 0;
}

static const char *
tok_str (Parser      *ps,
         const Token *t)
{
        return g_string_chunk_insert_len (ps->module->strings, t->start, t->len);
}

static char *
tok_dup (const Token *t)
{
        return g_strndup (t->start, t->len);
}

static gboolean
fail (Parser     *ps,
      const char *what)
{
        if (ps->error == NULL) {
                g_autofree char *near = ps->tok.kind == TOK_EOF ? g_strdup (_("end of file"))
                                                                 : g_strdup_printf ("“%.*s”", (int) MIN (ps->tok.len, 40),
                                                                                    ps->tok.start);

                g_set_error (&ps->error, GSNMP_MIB_ERROR, GSNMP_MIB_ERROR_SYNTAX,
                             _("%s:%u: syntax error: expected %s, found %s"),
                             ps->module->path != NULL ? ps->module->path : ps->module->name,
                             line_at (ps, ps->tok.start), _(what), near);
        }
        return FALSE;
}

static gboolean
expect (Parser  *ps,
        TokKind  kind,
        const char *what)
{
        next (ps);
        if (ps->tok.kind != kind)
                return fail (ps, what);
        return TRUE;
}

/* The current token opens a group: skips to its matching close. */
static gboolean
skip_group (Parser *ps)
{
        TokKind stack[MAX_DEPTH];
        guint depth = 0;

        for (;;) {
                switch (ps->tok.kind) {
                case TOK_LBRACE:
                case TOK_LPAREN:
                case TOK_LBRACKET:
                        if (depth == MAX_DEPTH)
                                return fail (ps, N_("less nesting"));
                        stack[depth++] = ps->tok.kind == TOK_LBRACE ? TOK_RBRACE :
                                         ps->tok.kind == TOK_LPAREN ? TOK_RPAREN : TOK_RBRACKET;
                        break;
                case TOK_RBRACE:
                case TOK_RPAREN:
                case TOK_RBRACKET:
                        if (depth == 0 || stack[depth - 1] != ps->tok.kind)
                                return fail (ps, N_("a matching bracket"));
                        depth--;
                        break;
                case TOK_EOF:
                        return fail (ps, N_("a closing bracket"));
                default:
                        break;
                }
                if (depth == 0)
                        return TRUE;
                next (ps);
        }
}

/* { label(n), … } after INTEGER or BITS; the current token is '{'. */
static gboolean
parse_enums (Parser  *ps,
             GArray **enums)
{
        *enums = g_array_new (FALSE, FALSE, sizeof (MibEnum));
        for (;;) {
                MibEnum e;

                next (ps);
                if (ps->tok.kind == TOK_RBRACE)
                        return TRUE;
                if (ps->tok.kind != TOK_WORD)
                        return fail (ps, N_("an enumeration label"));
                e.label = tok_str (ps, &ps->tok);
                if (!expect (ps, TOK_LPAREN, "“(”") || !expect (ps, TOK_NUMBER, N_("a number")))
                        return FALSE;
                e.value = g_ascii_strtoll (ps->tok.start, NULL, 10);
                if (!expect (ps, TOK_RPAREN, "“)”"))
                        return FALSE;
                g_array_append_val (*enums, e);
                next (ps);
                if (ps->tok.kind == TOK_RBRACE)
                        return TRUE;
                if (ps->tok.kind != TOK_COMMA)
                        return fail (ps, N_("“,” or “}”"));
        }
}

/* ( SIZE (…) ) or ( range ); the current token is '('.  Records a fixed
 * size, as Net-SNMP's ranges do for fixed-length index strings. */
static gint64
range_value (const Token *t)
{
        if (t->kind == TOK_NUMBER)
                return g_ascii_strtoll (t->start, NULL, 10);
        if (t->kind == TOK_BINSTRING && t->len >= 3) {
                gboolean hex = t->start[t->len - 1] == 'H' || t->start[t->len - 1] == 'h';
                g_autofree char *digits = g_strndup (t->start + 1, t->len - 3);

                return (gint64) g_ascii_strtoull (digits, NULL, hex ? 16 : 2);
        }
        return 0;
}

/* ( SIZE ( a..b | c ) ) or ( a..b | c ); the current token is '('.
 * Collects the ranges, and a fixed size (SIZE (n) alone), as Net-SNMP's
 * range lists hold them. */
static gboolean
parse_constraint (Parser  *ps,
                  MibType *type)
{
        int depth = 1;
        gboolean in_size = FALSE;

        type->has_size = TRUE;
        if (type->ranges == NULL)
                type->ranges = g_array_new (FALSE, FALSE, sizeof (MibRange));
        for (;;) {
                next (ps);
                switch (ps->tok.kind) {
                case TOK_LPAREN:
                case TOK_LBRACE:
                        depth++;
                        break;
                case TOK_RPAREN:
                case TOK_RBRACE:
                        depth--;
                        break;
                case TOK_EOF:
                        return fail (ps, "“)”");
                case TOK_WORD:
                        if (tok_is (&ps->tok, "SIZE"))
                                in_size = TRUE;
                        break;
                case TOK_NUMBER:
                case TOK_BINSTRING: {
                        MibRange r;

                        r.low = r.high = range_value (&ps->tok);
                        if (peek (ps)->kind == TOK_DOTDOT) {
                                next (ps);
                                next (ps);
                                if (ps->tok.kind == TOK_NUMBER || ps->tok.kind == TOK_BINSTRING)
                                        r.high = range_value (&ps->tok);
                                else if (ps->tok.kind == TOK_RPAREN)
                                        depth--;
                        }
                        g_array_append_val (type->ranges, r);
                        break;
                }
                default:
                        break;
                }
                if (depth == 0)
                        break;
                if (depth > MAX_DEPTH)
                        return fail (ps, N_("less nesting"));
        }
        if (in_size && type->ranges->len == 1 &&
            g_array_index (type->ranges, MibRange, 0).low == g_array_index (type->ranges, MibRange, 0).high)
                type->fixed_size = (gint) CLAMP (g_array_index (type->ranges, MibRange, 0).low, 0, G_MAXINT);
        return TRUE;
}

static const struct {
        const char *name;
        MibBaseType base;
} builtin_types[] = {
        { "INTEGER", MIB_TYPE_INTEGER },
        { "Integer32", MIB_TYPE_INTEGER32 },
        { "Unsigned32", MIB_TYPE_UNSIGNED32 },
        { "Counter32", MIB_TYPE_COUNTER },
        { "Counter", MIB_TYPE_COUNTER },
        { "Gauge32", MIB_TYPE_GAUGE },
        { "Gauge", MIB_TYPE_GAUGE },
        { "TimeTicks", MIB_TYPE_TIMETICKS },
        { "IpAddress", MIB_TYPE_IPADDR },
        { "NetworkAddress", MIB_TYPE_NETADDR },
        { "Opaque", MIB_TYPE_OPAQUE },
        { "Counter64", MIB_TYPE_COUNTER64 },
        { "BITS", MIB_TYPE_BITSTRING },
        { "NsapAddress", MIB_TYPE_NSAPADDRESS },
        { "UInteger32", MIB_TYPE_UINTEGER },
        { "NULL", MIB_TYPE_NULL },
};

void
gsnmp_mib_type_free (gpointer data)
{
        MibType *type = data;

        if (type->enums != NULL)
                g_array_unref (type->enums);
        if (type->ranges != NULL)
                g_array_unref (type->ranges);
        g_free (type);
}

static MibType *
type_new (void)
{
        MibType *type = g_new0 (MibType, 1);

        type->fixed_size = -1;
        return type;
}

/* A type, from the current token on; leaves the last token of the type
 * current. */
static MibType *
parse_type (Parser *ps,
            guint   depth)
{
        g_autoptr(GPtrArray) guard = g_ptr_array_new_with_free_func (gsnmp_mib_type_free);
        MibType *type = type_new ();
        guint i;

        g_ptr_array_add (guard, type);
        if (depth > MAX_DEPTH) {
                fail (ps, N_("less nesting"));
                return NULL;
        }

        /* [APPLICATION n] IMPLICIT */
        if (ps->tok.kind == TOK_LBRACKET) {
                if (!skip_group (ps))
                        return NULL;
                next (ps);
        }
        if (tok_is (&ps->tok, "IMPLICIT") || tok_is (&ps->tok, "EXPLICIT"))
                next (ps);

        if (ps->tok.kind != TOK_WORD) {
                fail (ps, N_("a type"));
                return NULL;
        }

        if (tok_is (&ps->tok, "OCTET")) {
                if (!expect (ps, TOK_WORD, "STRING"))
                        return NULL;
                type->base = MIB_TYPE_OCTETSTR;
        } else if (tok_is (&ps->tok, "OBJECT")) {
                if (!expect (ps, TOK_WORD, "IDENTIFIER"))
                        return NULL;
                type->base = MIB_TYPE_OBJID;
        } else if (tok_is (&ps->tok, "SEQUENCE") || tok_is (&ps->tok, "SET")) {
                type->base = MIB_TYPE_OTHER;
                if (tok_is (peek (ps), "OF")) {
                        MibType *inner;

                        next (ps);
                        next (ps);
                        inner = parse_type (ps, depth + 1);
                        if (inner == NULL)
                                return NULL;
                        gsnmp_mib_type_free (inner);
                } else {
                        if (!expect (ps, TOK_LBRACE, "“{”") || !skip_group (ps))
                                return NULL;
                }
                g_ptr_array_steal_index (guard, 0);
                return type;
        } else if (tok_is (&ps->tok, "CHOICE")) {
                type->base = MIB_TYPE_OTHER;
                if (!expect (ps, TOK_LBRACE, "“{”") || !skip_group (ps))
                        return NULL;
                g_ptr_array_steal_index (guard, 0);
                return type;
        } else {
                gboolean builtin = FALSE;

                for (i = 0; i < G_N_ELEMENTS (builtin_types); i++) {
                        if (tok_is (&ps->tok, builtin_types[i].name)) {
                                type->base = builtin_types[i].base;
                                builtin = TRUE;
                                break;
                        }
                }
                if (!builtin)
                        type->ref = tok_str (ps, &ps->tok);
        }

        /* Enumerations, BITS, constraints */
        for (;;) {
                const Token *t = peek (ps);

                if (t->kind == TOK_LBRACE && type->enums == NULL) {
                        next (ps);
                        if (!parse_enums (ps, &type->enums))
                                return NULL;
                } else if (t->kind == TOK_LPAREN) {
                        next (ps);
                        if (!parse_constraint (ps, type))
                                return NULL;
                } else {
                        break;
                }
        }

        g_ptr_array_steal_index (guard, 0);
        return type;
}

/* An OID value { parent n label(n) … }; the current token is '{'. */
static gboolean
parse_oid_value (Parser *ps,
                 MibDef *def)
{
        MibComp comps[MAX_COMPS];
        guint n = 0;

        def->parent = NULL;
        for (;;) {
                next (ps);
                if (ps->tok.kind == TOK_RBRACE)
                        break;
                if (n == MAX_COMPS)
                        return fail (ps, N_("a shorter OID"));
                if (ps->tok.kind == TOK_NUMBER) {
                        gint64 v = g_ascii_strtoll (ps->tok.start, NULL, 10);

                        if (v < 0 || v > G_MAXUINT32)
                                return fail (ps, N_("a sub-identifier from 0 to 4294967295"));
                        comps[n].label = NULL;
                        comps[n].subid = (guint32) v;
                        n++;
                } else if (ps->tok.kind == TOK_WORD) {
                        const char *label = tok_str (ps, &ps->tok);

                        if (peek (ps)->kind == TOK_LPAREN) {
                                gint64 v;

                                next (ps);
                                if (!expect (ps, TOK_NUMBER, N_("a number")))
                                        return FALSE;
                                v = g_ascii_strtoll (ps->tok.start, NULL, 10);
                                if (v < 0 || v > G_MAXUINT32)
                                        return fail (ps, N_("a sub-identifier from 0 to 4294967295"));
                                if (!expect (ps, TOK_RPAREN, "“)”"))
                                        return FALSE;
                                comps[n].label = label;
                                comps[n].subid = (guint32) v;
                                n++;
                        } else if (n == 0 && def->parent == NULL) {
                                def->parent = label;
                        } else {
                                return fail (ps, N_("a number"));
                        }
                } else {
                        return fail (ps, N_("an OID component"));
                }
        }
        if (def->parent == NULL && n > 0 && comps[0].label != NULL) {
                /* { iso(1) … }: a root named with its number */
                def->parent = comps[0].label;
                memmove (comps, comps + 1, (n - 1) * sizeof (MibComp));
                n--;
        }
        if (def->parent == NULL && n > 1 && comps[0].label == NULL && comps[0].subid <= 2) {
                /* { 0 0 }: a root by its number */
                static const char * const roots[] = { "ccitt", "iso", "joint-iso-ccitt" };

                def->parent = roots[comps[0].subid];
                memmove (comps, comps + 1, (n - 1) * sizeof (MibComp));
                n--;
        }
        if (def->parent == NULL || n == 0)
                return fail (ps, N_("an OID value such as { parent 1 }"));
        def->n_comps = n;
        def->comps = g_memdup2 (comps, n * sizeof (MibComp));
        return TRUE;
}

/* { a, b, IMPLIED c } of INDEX, OBJECTS and the like; current is '{'. */
static gboolean
parse_name_list (Parser        *ps,
                 const char  ***list,
                 gboolean      *implied)
{
        g_autoptr(GPtrArray) names = g_ptr_array_new ();

        for (;;) {
                next (ps);
                if (ps->tok.kind == TOK_RBRACE)
                        break;
                if (ps->tok.kind == TOK_COMMA)
                        continue;
                if (tok_is (&ps->tok, "IMPLIED")) {
                        if (implied != NULL)
                                *implied = TRUE;
                        continue;
                }
                if (ps->tok.kind == TOK_WORD) {
                        g_ptr_array_add (names, (gpointer) tok_str (ps, &ps->tok));
                } else if (ps->tok.kind == TOK_LBRACE || ps->tok.kind == TOK_LPAREN) {
                        if (!skip_group (ps))
                                return FALSE;
                } else if (ps->tok.kind == TOK_EOF) {
                        return fail (ps, "“}”");
                }
        }
        g_ptr_array_add (names, NULL);
        *list = (const char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
        return TRUE;
}

static const struct {
        const char *word;
        MibDefKind  kind;
} macros[] = {
        { "OBJECT-TYPE", MIB_DEF_OBJECT_TYPE },
        { "OBJECT-IDENTITY", MIB_DEF_OBJECT_IDENTITY },
        { "MODULE-IDENTITY", MIB_DEF_MODULE_IDENTITY },
        { "NOTIFICATION-TYPE", MIB_DEF_NOTIFICATION_TYPE },
        { "TRAP-TYPE", MIB_DEF_TRAP_TYPE },
        { "OBJECT-GROUP", MIB_DEF_OBJECT_GROUP },
        { "NOTIFICATION-GROUP", MIB_DEF_NOTIFICATION_GROUP },
        { "MODULE-COMPLIANCE", MIB_DEF_MODULE_COMPLIANCE },
        { "AGENT-CAPABILITIES", MIB_DEF_AGENT_CAPABILITIES },
};

static void
def_free (gpointer data)
{
        MibDef *def = data;

        if (def->syntax != NULL)
                gsnmp_mib_type_free (def->syntax);
        g_free (def->comps);
        g_free (def->index);
        g_free (def->objects);
        g_free (def);
}

static void
add_def (Parser *ps,
         MibDef *def)
{
        def->module = ps->module;
        g_ptr_array_add (ps->module->defs, def);
        /* The first definition of a label in a module counts */
        if (!g_hash_table_contains (ps->module->labels, def->label))
                g_hash_table_insert (ps->module->labels, (gpointer) def->label, def);
}

/* The clauses of a macro invocation, up to and including "::=" (or, for a
 * TEXTUAL-CONVENTION, up to the end of its SYNTAX). */
static gboolean
parse_clauses (Parser   *ps,
               MibDef   *def,
               MibType **tc_type,
               const char **tc_hint)
{
        for (;;) {
                next (ps);
                switch (ps->tok.kind) {
                case TOK_ASSIGN:
                        if (tc_type != NULL)
                                return fail (ps, "SYNTAX");
                        return TRUE;
                case TOK_EOF:
                        return fail (ps, "“::=”");
                case TOK_LBRACE:
                case TOK_LPAREN:
                case TOK_LBRACKET:
                        if (!skip_group (ps))
                                return FALSE;
                        continue;
                case TOK_WORD:
                        break;
                default:
                        continue;
                }

                if (tok_is (&ps->tok, "SYNTAX")) {
                        MibType *type;

                        next (ps);
                        type = parse_type (ps, 0);
                        if (type == NULL)
                                return FALSE;
                        if (tc_type != NULL) {
                                *tc_type = type;
                                return TRUE;
                        }
                        if (def->syntax == NULL)
                                def->syntax = type;
                        else
                                gsnmp_mib_type_free (type);   /* AGENT-CAPABILITIES variations */
                } else if (tok_is (&ps->tok, "DISPLAY-HINT")) {
                        if (!expect (ps, TOK_STRING, N_("a string")))
                                return FALSE;
                        if (tc_hint != NULL)
                                *tc_hint = tok_str (ps, &ps->tok);
                } else if (def == NULL) {
                        continue;
                } else if (tok_is (&ps->tok, "UNITS")) {
                        if (!expect (ps, TOK_STRING, N_("a string")))
                                return FALSE;
                        if (def->units == NULL)
                                def->units = tok_str (ps, &ps->tok);
                } else if (tok_is (&ps->tok, "MAX-ACCESS") || tok_is (&ps->tok, "ACCESS")) {
                        if (!expect (ps, TOK_WORD, N_("an access")))
                                return FALSE;
                        if (def->access == NULL)
                                def->access = tok_str (ps, &ps->tok);
                } else if (tok_is (&ps->tok, "STATUS")) {
                        if (!expect (ps, TOK_WORD, N_("a status")))
                                return FALSE;
                        if (def->status == NULL)
                                def->status = tok_str (ps, &ps->tok);
                } else if (tok_is (&ps->tok, "DESCRIPTION")) {
                        if (!expect (ps, TOK_STRING, N_("a string")))
                                return FALSE;
                        if (!def->has_description) {
                                /* not copied: descriptions are most of a module */
                                def->has_description = TRUE;
                                def->description_offset = ps->tok.start - ps->text;
                                def->description_len = ps->tok.len;
                        }
                } else if (tok_is (&ps->tok, "REFERENCE")) {
                        if (!expect (ps, TOK_STRING, N_("a string")))
                                return FALSE;
                } else if (tok_is (&ps->tok, "INDEX")) {
                        if (!expect (ps, TOK_LBRACE, "“{”"))
                                return FALSE;
                        if (def->index != NULL)
                                g_free (def->index);
                        if (!parse_name_list (ps, &def->index, &def->implied))
                                return FALSE;
                } else if (tok_is (&ps->tok, "AUGMENTS")) {
                        const char **list = NULL;

                        if (!expect (ps, TOK_LBRACE, "“{”") || !parse_name_list (ps, &list, NULL))
                                return FALSE;
                        if (list[0] != NULL && def->augments == NULL)
                                def->augments = list[0];
                        g_free (list);
                } else if ((tok_is (&ps->tok, "OBJECTS") || tok_is (&ps->tok, "VARIABLES") ||
                            tok_is (&ps->tok, "NOTIFICATIONS")) && def->objects == NULL &&
                           peek (ps)->kind == TOK_LBRACE) {
                        next (ps);
                        if (!parse_name_list (ps, &def->objects, NULL))
                                return FALSE;
                } else if (tok_is (&ps->tok, "DEFVAL") && peek (ps)->kind == TOK_LBRACE) {
                        const char *start;

                        next (ps);
                        start = ps->tok.start + 1;
                        if (!skip_group (ps))
                                return FALSE;
                        if (def->defval == NULL) {
                                g_autofree char *raw = g_strndup (start, ps->tok.start - start);

                                def->defval = g_string_chunk_insert (ps->module->strings, g_strstrip (raw));
                        }
                } else if (tok_is (&ps->tok, "ENTERPRISE") && def->kind == MIB_DEF_TRAP_TYPE) {
                        if (!expect (ps, TOK_WORD, N_("an enterprise")))
                                return FALSE;
                        def->parent = tok_str (ps, &ps->tok);
                }
        }
}

/* Obsolete modules that old modules still import from, and the module
 * that replaced them with the same names (Net-SNMP maps them the same
 * way): RFC 1213 replaced RFC 1158, RFC 2819 (RMON-MIB) RFC 1271. */
static const char *
replaced_module (const char *from)
{
        static const char * const map[][2] = {
                { "RFC1158-MIB", "RFC1213-MIB" },
                { "RFC1271-MIB", "RMON-MIB" },
        };
        guint i;

        for (i = 0; i < G_N_ELEMENTS (map); i++)
                if (g_str_equal (from, map[i][0]))
                        return map[i][1];
        return from;
}

static gboolean
parse_imports (Parser *ps)
{
        g_autoptr(GPtrArray) symbols = g_ptr_array_new ();

        for (;;) {
                next (ps);
                if (ps->tok.kind == TOK_SEMI)
                        return TRUE;
                if (ps->tok.kind == TOK_COMMA)
                        continue;
                if (ps->tok.kind != TOK_WORD)
                        return fail (ps, N_("an imported name"));
                if (tok_is (&ps->tok, "FROM")) {
                        const char *from;
                        guint i;

                        if (!expect (ps, TOK_WORD, N_("a module name")))
                                return FALSE;
                        from = tok_str (ps, &ps->tok);
                        from = replaced_module (from);
                        for (i = 0; i < symbols->len; i++)
                                g_hash_table_insert (ps->module->imports, symbols->pdata[i], (gpointer) from);
                        g_ptr_array_set_size (symbols, 0);
                        g_ptr_array_add (ps->module->import_modules, (gpointer) from);
                        if (g_str_equal (from, "SNMPv2-SMI"))
                                ps->module->smiv2 = TRUE;
                        continue;
                }
                g_ptr_array_add (symbols, (gpointer) tok_str (ps, &ps->tok));
        }
}

/* Skips a MACRO definition: up to its END. */
static gboolean
skip_macro (Parser *ps)
{
        for (;;) {
                next (ps);
                if (ps->tok.kind == TOK_EOF)
                        return fail (ps, "END");
                if (tok_is (&ps->tok, "END"))
                        return TRUE;
        }
}

/* Name ::= … (a type assignment), the current token being "::=". */
static gboolean
parse_type_assignment (Parser     *ps,
                       const char *name)
{
        MibType *type = NULL;
        const char *hint = NULL;

        next (ps);
        if (tok_is (&ps->tok, "TEXTUAL-CONVENTION")) {
                if (!parse_clauses (ps, NULL, &type, &hint))
                        return FALSE;
                type->hint = hint;
        } else {
                type = parse_type (ps, 0);
                if (type == NULL)
                        return FALSE;
        }
        if (!g_hash_table_contains (ps->module->types, name))
                g_hash_table_insert (ps->module->types, (gpointer) name, type);
        else
                gsnmp_mib_type_free (type);
        return TRUE;
}

/* Skips a value assignment "name Type ::= value". */
static gboolean
skip_assignment (Parser *ps)
{
        for (;;) {
                next (ps);
                if (ps->tok.kind == TOK_EOF)
                        return fail (ps, "“::=”");
                if (ps->tok.kind == TOK_LBRACE || ps->tok.kind == TOK_LPAREN) {
                        if (!skip_group (ps))
                                return FALSE;
                        continue;
                }
                if (ps->tok.kind == TOK_ASSIGN)
                        break;
        }
        next (ps);
        if (ps->tok.kind == TOK_LBRACE)
                return skip_group (ps);
        return TRUE;
}

static gboolean
parse_body (Parser *ps)
{
        for (;;) {
                const char *name;
                MibDef *def;
                guint i;

                next (ps);
                if (ps->tok.kind == TOK_EOF)
                        return fail (ps, "END");
                if (tok_is (&ps->tok, "END"))
                        return TRUE;
                if (tok_is (&ps->tok, "IMPORTS")) {
                        if (!parse_imports (ps))
                                return FALSE;
                        continue;
                }
                if (tok_is (&ps->tok, "EXPORTS")) {
                        do {
                                next (ps);
                        } while (ps->tok.kind != TOK_SEMI && ps->tok.kind != TOK_EOF);
                        if (ps->tok.kind == TOK_EOF)
                                return fail (ps, "“;”");
                        continue;
                }
                if (ps->tok.kind != TOK_WORD)
                        return fail (ps, N_("a definition"));

                name = tok_str (ps, &ps->tok);
                next (ps);

                if (ps->tok.kind == TOK_ASSIGN) {
                        if (!parse_type_assignment (ps, name))
                                return FALSE;
                        continue;
                }
                if (tok_is (&ps->tok, "MACRO")) {
                        if (!skip_macro (ps))
                                return FALSE;
                        continue;
                }
                if (tok_is (&ps->tok, "OBJECT") && tok_is (peek (ps), "IDENTIFIER")) {
                        next (ps);
                        if (!expect (ps, TOK_ASSIGN, "“::=”") || !expect (ps, TOK_LBRACE, "“{”"))
                                return FALSE;
                        def = g_new0 (MibDef, 1);
                        def->label = name;
                        def->kind = MIB_DEF_OID;
                        def->line = line_at (ps, ps->tok.start);
                        if (!parse_oid_value (ps, def)) {
                                def_free (def);
                                return FALSE;
                        }
                        add_def (ps, def);
                        continue;
                }

                def = NULL;
                for (i = 0; i < G_N_ELEMENTS (macros); i++) {
                        if (tok_is (&ps->tok, macros[i].word)) {
                                def = g_new0 (MibDef, 1);
                                def->label = name;
                                def->kind = macros[i].kind;
                                def->line = line_at (ps, ps->tok.start);
                                break;
                        }
                }
                if (def == NULL) {
                        /* A value assignment, or a macro this parser does
                         * not know: skip it */
                        if (!skip_assignment (ps))
                                return FALSE;
                        continue;
                }

                if (!parse_clauses (ps, def, NULL, NULL)) {
                        def_free (def);
                        return FALSE;
                }
                next (ps);
                if (def->kind == MIB_DEF_TRAP_TYPE) {
                        gint64 v;

                        if (ps->tok.kind != TOK_NUMBER || def->parent == NULL) {
                                def_free (def);
                                return fail (ps, N_("a trap number"));
                        }
                        v = g_ascii_strtoll (ps->tok.start, NULL, 10);
                        if (v < 0 || v > G_MAXUINT32) {
                                def_free (def);
                                return fail (ps, N_("a trap number"));
                        }
                        /* enterprise.0.n, as RFC 3584 maps SNMPv1 traps */
                        def->n_comps = 2;
                        def->comps = g_new0 (MibComp, 2);
                        def->comps[0].subid = 0;
                        def->comps[1].subid = (guint32) v;
                } else if (ps->tok.kind != TOK_LBRACE || !parse_oid_value (ps, def)) {
                        def_free (def);
                        return fail (ps, N_("an OID value"));
                }
                add_def (ps, def);
        }
}

/* The hash of the store's name tables: a word at a time (names are most of
 * what a store hashes while it loads; g_str_hash() goes a byte at a
 * time). */
guint
gsnmp_mib_str_hash (gconstpointer key)
{
        const guchar *s = key;
        gsize n = strlen (key);
        guint64 h = n * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15), w;

        for (; n >= 8; s += 8, n -= 8) {
                memcpy (&w, s, 8);
                h = (h ^ w) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
                h ^= h >> 32;
        }
        for (w = 0; n > 0; n--)
                w = (w << 8) | s[n - 1];
        h = (h ^ w) * G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
        h ^= h >> 29;
        return (guint) h;
}

/* A module's strings live in its chunk, or (a module from a cache,
 * without one) in the cache's buffer. */
MibModule *
gsnmp_mib_module_new (gboolean with_strings)
{
        MibModule *module = g_new0 (MibModule, 1);

        if (with_strings)
                module->strings = g_string_chunk_new (4096);
        module->imports = g_hash_table_new (gsnmp_mib_str_hash, g_str_equal);
        module->import_modules = g_ptr_array_new ();
        module->defs = g_ptr_array_new_with_free_func (def_free);
        module->types = g_hash_table_new_full (gsnmp_mib_str_hash, g_str_equal, NULL, gsnmp_mib_type_free);
        module->labels = g_hash_table_new (gsnmp_mib_str_hash, g_str_equal);
        return module;
}

void
gsnmp_mib_module_free (MibModule *module)
{
        if (module == NULL)
                return;
        g_hash_table_unref (module->labels);
        g_hash_table_unref (module->types);
        g_ptr_array_unref (module->defs);
        g_ptr_array_unref (module->import_modules);
        g_hash_table_unref (module->imports);
        if (module->strings != NULL)
                g_string_chunk_free (module->strings);
        g_free (module->owned_text);
        g_free (module->block);
        g_free (module->name);
        g_free (module->path);
        g_free (module);
}

/* Parses the first module of @text. */
MibModule *
gsnmp_mib_module_parse (const char  *name_hint,
                        const char  *path,
                        const char  *text,
                        gsize        length,
                        GError     **error)
{
        Parser ps = { 0 };
        MibModule *module = gsnmp_mib_module_new (TRUE);

        module->path = g_strdup (path);
        module->name = g_strdup (name_hint);
        ps.p = text;
        ps.end = text + length;
        ps.text = text;
        init_classes ();
        ps.module = module;

        next (&ps);
        if (ps.tok.kind != TOK_WORD) {
                fail (&ps, N_("a module name"));
                goto failed;
        }
        g_free (module->name);
        module->name = tok_dup (&ps.tok);
        next (&ps);
        if (ps.tok.kind == TOK_LBRACE) {
                if (!skip_group (&ps))
                        goto failed;
                next (&ps);
        }
        if (!tok_is (&ps.tok, "DEFINITIONS")) {
                fail (&ps, "DEFINITIONS");
                goto failed;
        }
        do {
                next (&ps);
        } while (ps.tok.kind != TOK_ASSIGN && ps.tok.kind != TOK_EOF);
        if (!expect (&ps, TOK_WORD, "BEGIN") || !tok_is (&ps.tok, "BEGIN")) {
                fail (&ps, "BEGIN");
                goto failed;
        }
        if (!parse_body (&ps))
                goto failed;
        return module;

failed:
        g_propagate_error (error, ps.error);
        gsnmp_mib_module_free (module);
        return NULL;
}

/* The name of the first module in @text ("NAME DEFINITIONS ::="), or NULL. */
char *
gsnmp_mib_read_module_name (const char *text,
                            gsize       length)
{
        Parser ps = { 0 };
        Token first;

        ps.p = text;
        ps.end = text + length;
        ps.text = text;
        init_classes ();
        lex (&ps, &first);
        if (first.kind != TOK_WORD)
                return NULL;
        lex (&ps, &ps.tok);
        if (ps.tok.kind == TOK_LBRACE) {
                int depth = 1, n = 0;

                while (depth > 0 && n++ < 256) {
                        lex (&ps, &ps.tok);
                        if (ps.tok.kind == TOK_EOF)
                                return NULL;
                        if (ps.tok.kind == TOK_LBRACE)
                                depth++;
                        else if (ps.tok.kind == TOK_RBRACE)
                                depth--;
                }
                lex (&ps, &ps.tok);
        }
        if (!tok_is (&ps.tok, "DEFINITIONS"))
                return NULL;
        return tok_dup (&first);
}

/* A definition's DESCRIPTION, read again from its module's file (or its
 * text given in memory); NULL if it has none or the file changed. */
char *
gsnmp_mib_def_description (MibDef *def)
{
        MibModule *module = def->module;
        g_autofree char *contents = NULL;
        gsize length;

        if (!def->has_description)
                return NULL;
        if (module->owned_text != NULL)
                return g_strndup (module->owned_text + def->description_offset, def->description_len);
        if (module->path == NULL || !g_file_get_contents (module->path, &contents, &length, NULL) ||
            def->description_offset + def->description_len > length)
                return NULL;
        return g_strndup (contents + def->description_offset, def->description_len);
}

/* gsnmp-provider.c - the base class of what an agent serves
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-provider.h"
#include "gsnmp-provider-private.h"
#include "gsnmp-i18n-private.h"

/**
 * GsnmpProvider:
 *
 * Serves the instances of one subtree of the MIB, its root
 * ([property@Gsnmp.Provider:root]), for a [class@Gsnmp.Agent].
 *
 * The agent hands a provider the part of each SNMP request that falls in
 * its subtree as a [class@Gsnmp.ProviderRequest], one batch per request and
 * operation, through [vfunc@Gsnmp.Provider.handle]. The provider answers
 * and calls [method@Gsnmp.ProviderRequest.complete], at once or later:
 * handlers that must wait for a file, D-Bus or another agent keep the
 * request and complete it from the main loop.
 *
 * [class@Gsnmp.StoreProvider] serves values kept in memory, in OID order,
 * with GET, GETNEXT and SET in O(log n); subclass [class@Gsnmp.Provider]
 * for values computed on demand. From Python:
 *
 * ```python
 * class Clock(Gsnmp.Provider):
 *     def do_handle(self, request):
 *         for i in range(request.get_n_oids()):
 *             ...  # request.set_value(i, varbind)
 *         request.complete()
 *
 * agent.register_provider("", Clock(root=Gsnmp.Oid.new_from_string("1.3.6.1.4.1.99999")))
 * ```
 *
 * and from JavaScript, `vfunc_handle(request)` in a class registered with
 * `GObject.registerClass`.
 *
 * Where providers nest (one registered under another's root), the more
 * specific one serves its subtree and the other one the rest.
 *
 * Since: 0.1
 */

typedef struct {
        GsnmpOid *root;
} GsnmpProviderPrivate;

G_DEFINE_TYPE_WITH_CODE (GsnmpProvider, gsnmp_provider, G_TYPE_OBJECT,
                         G_ADD_PRIVATE (GsnmpProvider) gsnmp_init_once ())

enum {
        PROP_0,
        PROP_ROOT,
        N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The default handler: a provider with nothing to serve. */
static void
gsnmp_provider_real_handle (GsnmpProvider        *self,
                            GsnmpProviderRequest *request)
{
        GsnmpProviderOperation op = gsnmp_provider_request_get_operation (request);
        guint n = gsnmp_provider_request_get_n_oids (request);

        for (guint i = 0; i < n; i++) {
                GsnmpOid *oid = gsnmp_provider_request_get_oid (request, i);
                g_autoptr(GsnmpVarbind) vb = NULL;

                switch (op) {
                case GSNMP_PROVIDER_OPERATION_GET:
                        vb = gsnmp_varbind_new_exception (oid, GSNMP_VALUE_TYPE_NO_SUCH_OBJECT);
                        gsnmp_provider_request_set_value (request, i, vb);
                        break;
                case GSNMP_PROVIDER_OPERATION_GET_NEXT:
                        vb = gsnmp_varbind_new_exception (oid, GSNMP_VALUE_TYPE_END_OF_MIB_VIEW);
                        gsnmp_provider_request_set_value (request, i, vb);
                        break;
                case GSNMP_PROVIDER_OPERATION_SET_TEST:
                        gsnmp_provider_request_set_error (request, i, GSNMP_PDU_ERROR_NOT_WRITABLE);
                        break;
                case GSNMP_PROVIDER_OPERATION_SET_COMMIT:
                        gsnmp_provider_request_set_error (request, i, GSNMP_PDU_ERROR_COMMIT_FAILED);
                        break;
                case GSNMP_PROVIDER_OPERATION_SET_UNDO:
                default:
                        break;
                }
        }

        gsnmp_provider_request_complete (request);
}

static void
gsnmp_provider_finalize (GObject *object)
{
        GsnmpProviderPrivate *priv = gsnmp_provider_get_instance_private (GSNMP_PROVIDER (object));

        g_clear_pointer (&priv->root, gsnmp_oid_unref);

        G_OBJECT_CLASS (gsnmp_provider_parent_class)->finalize (object);
}

static void
gsnmp_provider_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
        GsnmpProviderPrivate *priv = gsnmp_provider_get_instance_private (GSNMP_PROVIDER (object));

        switch (prop_id) {
        case PROP_ROOT:
                g_value_set_boxed (value, priv->root);
                break;
        default:
                G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
        }
}

static void
gsnmp_provider_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
        GsnmpProviderPrivate *priv = gsnmp_provider_get_instance_private (GSNMP_PROVIDER (object));

        switch (prop_id) {
        case PROP_ROOT:
                g_clear_pointer (&priv->root, gsnmp_oid_unref);
                priv->root = g_value_dup_boxed (value);
                break;
        default:
                G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
        }
}

static void
gsnmp_provider_constructed (GObject *object)
{
        GsnmpProviderPrivate *priv = gsnmp_provider_get_instance_private (GSNMP_PROVIDER (object));

        G_OBJECT_CLASS (gsnmp_provider_parent_class)->constructed (object);

        if (priv->root == NULL)
                priv->root = gsnmp_oid_new (NULL, 0);
}

static void
gsnmp_provider_class_init (GsnmpProviderClass *klass)
{
        GObjectClass *object_class = G_OBJECT_CLASS (klass);

        object_class->finalize = gsnmp_provider_finalize;
        object_class->get_property = gsnmp_provider_get_property;
        object_class->set_property = gsnmp_provider_set_property;
        object_class->constructed = gsnmp_provider_constructed;

        klass->handle = gsnmp_provider_real_handle;

        /**
         * GsnmpProvider:root: (getter get_root)
         *
         * The root of the subtree the provider serves; the empty OID (the
         * default) is the whole MIB.
         *
         * Since: 0.1
         */
        properties[PROP_ROOT] =
                g_param_spec_boxed ("root", NULL, NULL, GSNMP_TYPE_OID,
                                    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                    G_PARAM_STATIC_STRINGS);

        g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gsnmp_provider_init (GsnmpProvider *self)
{
}

/**
 * gsnmp_provider_get_root: (get-property root)
 * @self: a [class@Gsnmp.Provider]
 *
 * Gets the root of the subtree the provider serves.
 *
 * Returns: (transfer none): the root OID
 *
 * Since: 0.1
 */
GsnmpOid *
gsnmp_provider_get_root (GsnmpProvider *self)
{
        GsnmpProviderPrivate *priv;

        g_return_val_if_fail (GSNMP_IS_PROVIDER (self), NULL);

        priv = gsnmp_provider_get_instance_private (self);
        return priv->root;
}

/**
 * gsnmp_provider_handle: (virtual handle)
 * @self: a [class@Gsnmp.Provider]
 * @request: the batch to answer
 *
 * Answers @request: calls the class's handler, which sets the answers and
 * calls [method@Gsnmp.ProviderRequest.complete], now or later. The agent
 * calls this; applications override the virtual function.
 *
 * The default handler serves nothing: `noSuchObject` for GET, no
 * successor for GET_NEXT, `notWritable` for SET.
 *
 * Since: 0.1
 */
void
gsnmp_provider_handle (GsnmpProvider        *self,
                       GsnmpProviderRequest *request)
{
        g_return_if_fail (GSNMP_IS_PROVIDER (self));
        g_return_if_fail (GSNMP_IS_PROVIDER_REQUEST (request));

        GSNMP_PROVIDER_GET_CLASS (self)->handle (self, request);
}

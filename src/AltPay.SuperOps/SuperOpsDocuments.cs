namespace AltPay.SuperOps;

/// <summary>
/// Every GraphQL document the client sends. A test validates each one against the SuperOps schema (plus the
/// assumed payments extension for the documents that select it), so keep every document here. Each operation is
/// named after its root field, as SuperOps and the sandbox count and match requests by that name.
/// JSON-typed fields (<c>client</c>, <c>paymentMethod</c>, <c>primaryContact</c>, <c>hqSite</c>) are leaves in
/// SuperOps and must not have a sub-selection.
/// </summary>
public static class SuperOpsDocuments
{
    private const string ListInfoSelection = "listInfo { page pageSize hasMore totalCount }";

    private const string ClientFields = "accountId name stage status emailDomains primaryContact hqSite";

    private const string InvoiceFields =
        "invoiceId displayId client invoiceDate dueDate statusEnum totalAmount paymentDate paymentMethod paymentReference";

    // Fields of the assumed extension: Invoice.payments, Invoice.amountPaid and Invoice.balanceDue.
    private const string InvoicePaymentFields =
        "amountPaid balanceDue payments { paymentId type amount paymentDate paymentReference }";

    /// <summary>
    /// Introspection of the invoice type: authenticates the token and subdomain, and shows whether the
    /// payments extension exists.
    /// </summary>
    public const string CheckConnection =
        "query checkConnection { __type(name: \"Invoice\") { fields { name } } }";

    /// <summary>Fallback connection check for a tenant that rejects introspection.</summary>
    public const string CheckConnectionWithoutIntrospection =
        "query getPaymentMethodList { getPaymentMethodList { paymentMethodId } }";

    public const string GetClientList =
        "query getClientList($input: ListInfoInput!) { getClientList(input: $input) { clients { " + ClientFields + " } " + ListInfoSelection + " } }";

    public const string GetClientIdList =
        "query getClientList($input: ListInfoInput!) { getClientList(input: $input) { clients { accountId } " + ListInfoSelection + " } }";

    public const string GetClient =
        "query getClient($input: ClientIdentifierInput!) { getClient(input: $input) { " + ClientFields + " } }";

    public const string GetInvoiceList =
        "query getInvoiceList($input: ListInfoInput!) { getInvoiceList(input: $input) { invoices { " + InvoiceFields + " } " + ListInfoSelection + " } }";

    public const string GetInvoiceListWithPayments =
        "query getInvoiceList($input: ListInfoInput!) { getInvoiceList(input: $input) { invoices { " + InvoiceFields + " " + InvoicePaymentFields + " } " + ListInfoSelection + " } }";

    public const string GetInvoiceIdList =
        "query getInvoiceList($input: ListInfoInput!) { getInvoiceList(input: $input) { invoices { invoiceId } " + ListInfoSelection + " } }";

    public const string GetInvoice =
        "query getInvoice($input: InvoiceIdentifierInput!) { getInvoice(input: $input) { " + InvoiceFields + " } }";

    public const string GetInvoiceWithPayments =
        "query getInvoice($input: InvoiceIdentifierInput!) { getInvoice(input: $input) { " + InvoiceFields + " " + InvoicePaymentFields + " } }";

    public const string GetInvoiceItemList =
        "query getInvoiceItemList($input: ListInfoInput!) { getInvoiceItemList(input: $input) { items { itemId details quantity unitPrice amount invoice { invoiceId } } " + ListInfoSelection + " } }";

    public const string GetPaymentMethodList =
        "query getPaymentMethodList { getPaymentMethodList { paymentMethodId paymentMethodName } }";

    public const string UpdateInvoice =
        "mutation updateInvoice($input: UpdateInvoiceInput!) { updateInvoice(input: $input) { " + InvoiceFields + " } }";

    /// <summary>Every document by its constant name, for validation.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        [nameof(CheckConnection)] = CheckConnection,
        [nameof(CheckConnectionWithoutIntrospection)] = CheckConnectionWithoutIntrospection,
        [nameof(GetClientList)] = GetClientList,
        [nameof(GetClientIdList)] = GetClientIdList,
        [nameof(GetClient)] = GetClient,
        [nameof(GetInvoiceList)] = GetInvoiceList,
        [nameof(GetInvoiceListWithPayments)] = GetInvoiceListWithPayments,
        [nameof(GetInvoiceIdList)] = GetInvoiceIdList,
        [nameof(GetInvoice)] = GetInvoice,
        [nameof(GetInvoiceWithPayments)] = GetInvoiceWithPayments,
        [nameof(GetInvoiceItemList)] = GetInvoiceItemList,
        [nameof(GetPaymentMethodList)] = GetPaymentMethodList,
        [nameof(UpdateInvoice)] = UpdateInvoice,
    };

    /// <summary>Names of the documents that select fields of the assumed payments extension.</summary>
    public static IReadOnlySet<string> NeedingPaymentsExtension { get; } =
        new HashSet<string> { nameof(GetInvoiceListWithPayments), nameof(GetInvoiceWithPayments) };
}

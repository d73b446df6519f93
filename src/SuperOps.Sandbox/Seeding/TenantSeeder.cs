using SuperOps.Sandbox.Model;

namespace SuperOps.Sandbox.Seeding;

/// <summary>
/// Fills a tenant with reference data and, when a seed is given, with books that look like a small MSP's.
/// Lines are per-seat managed services, hourly labour and taxable hardware. The status mix is about 10 %
/// draft, 50 % approved, 25 % paid, 10 % overdue and 5 % void. Output depends only on the seed and today's date.
/// </summary>
internal static class TenantSeeder
{
    public const int MaxLinesPerInvoice = 8;

    public static void Seed(SandboxTenant tenant, SandboxSeed? seed, DateOnly today)
    {
        AddReferenceData(tenant);
        if (seed is null || seed.Clients == 0)
        {
            return;
        }

        var random = new Random(seed.RandomSeed);
        var clients = AddClients(tenant, seed.Clients, random);
        AddInvoices(tenant, clients, seed, random, today);
    }

    private static void AddReferenceData(SandboxTenant tenant)
    {
        var ids = tenant.Ids;
        var eu = tenant.Region == "eu";
        var salesTax = eu ? new SandboxTax(ids.Next(), "VAT", 20.00m, ids.Next()) : new SandboxTax(ids.Next(), "Sales Tax", 8.25m, ids.Next());
        tenant.Taxes.Add(salesTax);

        tenant.ServiceItems.AddRange(
        [
            new(ids.Next(), "Managed Workstation (per seat)", ServiceQuantityType.Units, 45.00m, false),
            new(ids.Next(), "Managed Server", ServiceQuantityType.Units, 150.00m, false),
            new(ids.Next(), "Microsoft 365 Business Premium (per user)", ServiceQuantityType.Units, 22.00m, false),
            new(ids.Next(), "Endpoint Security (per seat)", ServiceQuantityType.Units, 8.50m, false),
            new(ids.Next(), "Cloud Backup (per TB)", ServiceQuantityType.Units, 60.00m, false),
            new(ids.Next(), "Remote Support", ServiceQuantityType.Hours, 125.00m, false),
            new(ids.Next(), "Onsite Support", ServiceQuantityType.Hours, 150.00m, false),
            new(ids.Next(), "Project Labour", ServiceQuantityType.Hours, 140.00m, false),
            new(ids.Next(), "Business Laptop", ServiceQuantityType.Units, 1249.00m, true),
            new(ids.Next(), "Wireless Access Point", ServiceQuantityType.Units, 179.00m, true),
            new(ids.Next(), "Firewall Appliance", ServiceQuantityType.Units, 899.00m, true),
            new(ids.Next(), "24-port Network Switch", ServiceQuantityType.Units, 429.00m, true),
        ]);

        tenant.PaymentMethods.AddRange(
        [
            new(ids.Next(), "Cash"),
            new(ids.Next(), "Check"),
            new(ids.Next(), "Credit Card"),
            new(ids.Next(), "Bank Transfer"),
            new(ids.Next(), "Other"),
        ]);

        tenant.PaymentTerms.AddRange(
        [
            new(ids.Next(), "Due on Receipt", 0),
            new(ids.Next(), "Net 15", 15),
            new(ids.Next(), "Net 30", 30),
            new(ids.Next(), "Net 60", 60),
        ]);

        tenant.ClientStages.AddRange(
        [
            new(ids.Next(), "Active", "ACTIVE",
                [new(ids.Next(), "Paid", "PAID"), new(ids.Next(), "Trial", "TRIAL"), new(ids.Next(), "Unpaid", "UNPAID")]),
            new(ids.Next(), "Inactive", "INACTIVE", [new(ids.Next(), "Churned", "CHURNED")]),
            new(ids.Next(), "Prospect", "PROSPECT", [new(ids.Next(), "Lead", "LEAD")]),
        ]);

        tenant.Technicians.AddRange(
        [
            new(ids.Next(), "Alex Morgan"),
            new(ids.Next(), "Jordan Lee"),
            new(ids.Next(), "Sam Rivera"),
            new(ids.Next(), "Taylor Brooks"),
        ]);
    }

    private static List<SandboxClient> AddClients(SandboxTenant tenant, int count, Random random)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var domains = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var clients = new List<SandboxClient>(count);

        for (var i = 0; i < count; i++)
        {
            var (name, start, core) = UniqueName(random, names);
            var domain = UniqueDomain(start, core, domains);
            var stageRoll = random.NextDouble();
            var (stage, status) = stageRoll switch
            {
                < 0.88 => ("Active", "Paid"),
                < 0.93 => ("Active", "Trial"),
                < 0.96 => ("Active", "Unpaid"),
                < 0.98 => ("Inactive", "Churned"),
                _ => ("Prospect", "Lead"),
            };

            var client = new SandboxClient
            {
                AccountId = tenant.Ids.Next(),
                Name = name,
                Stage = stage,
                Status = status,
                EmailDomains = [domain],
                AccountManager = tenant.Technicians[random.Next(tenant.Technicians.Count)],
                PrimaryContact = new SandboxPerson(tenant.Ids.Next(), PersonName(random)),
            };

            var hq = NewSite(tenant, client, random, "Headquarters", hq: true);
            client.HqSiteId = hq.Id;
            tenant.Sites.AddUnsorted(hq);
            if (random.NextDouble() < 0.2)
            {
                tenant.Sites.AddUnsorted(NewSite(tenant, client, random, "Branch Office", hq: false));
            }

            tenant.Clients.AddUnsorted(client);
            clients.Add(client);
        }

        return clients;
    }

    private static (string Name, string Start, string Core) UniqueName(Random random, HashSet<string> names)
    {
        for (var attempt = 0; ; attempt++)
        {
            var start = WordLists.NameStarts[random.Next(WordLists.NameStarts.Length)];
            var core = WordLists.NameCores[random.Next(WordLists.NameCores.Length)];
            var end = WordLists.NameEnds[random.Next(WordLists.NameEnds.Length)];
            var name = attempt < 8 ? $"{start} {core} {end}" : $"{start} {core} {end} {attempt}";
            if (names.Add(name))
            {
                return (name, start, core);
            }
        }
    }

    private static string UniqueDomain(string start, string core, HashSet<string> domains)
    {
        var stem = (start + core).ToLowerInvariant();
        var domain = stem + ".com";
        for (var n = 2; !domains.Add(domain); n++)
        {
            domain = $"{stem}{n}.com";
        }

        return domain;
    }

    private static string PersonName(Random random) =>
        $"{WordLists.FirstNames[random.Next(WordLists.FirstNames.Length)]} {WordLists.LastNames[random.Next(WordLists.LastNames.Length)]}";

    private static SandboxSite NewSite(SandboxTenant tenant, SandboxClient client, Random random, string name, bool hq)
    {
        var street = $"{random.Next(10, 9900)} {WordLists.Streets[random.Next(WordLists.Streets.Length)]}";
        if (tenant.Region == "eu")
        {
            var (city, country, postal, zone) = WordLists.EuCities[random.Next(WordLists.EuCities.Length)];
            return new SandboxSite
            {
                Id = tenant.Ids.Next(), ClientId = client.AccountId, Name = name, TimezoneCode = zone, Hq = hq,
                Line1 = street, City = city, CountryCode = country, PostalCode = $"{postal}{random.Next(100, 999)}",
                ContactNumber = $"+{random.Next(30, 49)} {random.Next(100, 999)} {random.Next(1000, 9999)}",
            };
        }

        var (usCity, state, zip, usZone) = WordLists.UsCities[random.Next(WordLists.UsCities.Length)];
        return new SandboxSite
        {
            Id = tenant.Ids.Next(), ClientId = client.AccountId, Name = name, TimezoneCode = usZone, Hq = hq,
            Line1 = street, City = usCity, StateCode = state, CountryCode = "US", PostalCode = $"{zip}{random.Next(10, 99)}",
            ContactNumber = $"+1 {random.Next(200, 999)}-555-{random.Next(1000, 9999)}",
        };
    }

    private static void AddInvoices(SandboxTenant tenant, List<SandboxClient> clients, SandboxSeed seed, Random random, DateOnly today)
    {
        var invoiceCount = clients.Count * seed.InvoicesPerClient;
        var lineCounts = LineCounts(invoiceCount, seed.LinesPerInvoice, random);
        var netThirty = tenant.PaymentTerms.Single(t => t.Days == 30);
        var index = 0;

        foreach (var client in clients)
        {
            for (var n = 0; n < seed.InvoicesPerClient; n++, index++)
            {
                var invoice = NewInvoice(tenant, client, random, today, netThirty);
                for (var l = 0; l < lineCounts[index]; l++)
                {
                    var line = NewLine(tenant, invoice, random);
                    invoice.Lines.Add(line);
                    tenant.Lines.AddUnsorted(line);
                }

                invoice.Recalculate();
                AddSeedPayments(tenant, invoice, random, today);
                tenant.Invoices.AddUnsorted(invoice);
            }
        }
    }

    /// <summary>
    /// Spreads exactly <paramref name="invoices"/> × <paramref name="mean"/> lines over the invoices,
    /// each getting 1 to 8, by moving lines between random pairs of invoices.
    /// </summary>
    private static int[] LineCounts(int invoices, int mean, Random random)
    {
        var counts = new int[invoices];
        Array.Fill(counts, mean);
        for (var i = 0; i < invoices; i++)
        {
            var j = random.Next(invoices);
            var delta = random.Next(-3, 4);
            var a = counts[i] + delta;
            var b = counts[j] - delta;
            if (i != j && a is >= 1 and <= MaxLinesPerInvoice && b is >= 1 and <= MaxLinesPerInvoice)
            {
                counts[i] = a;
                counts[j] = b;
            }
        }

        return counts;
    }

    private static SandboxInvoice NewInvoice(SandboxTenant tenant, SandboxClient client, Random random, DateOnly today, SandboxPaymentTerm term)
    {
        var roll = random.NextDouble();
        var (status, daysAgo) = roll switch
        {
            < 0.10 => (StoredInvoiceStatus.Draft, random.Next(0, 10)),
            < 0.60 => (StoredInvoiceStatus.Approved, random.Next(0, 21)),
            < 0.85 => (StoredInvoiceStatus.Paid, random.Next(20, 366)),
            < 0.95 => (StoredInvoiceStatus.Approved, random.Next(35, 201)),
            _ => (StoredInvoiceStatus.Void, random.Next(10, 301)),
        };

        var invoiceDate = today.AddDays(-daysAgo);
        return new SandboxInvoice
        {
            InvoiceId = tenant.Ids.Next(),
            DisplayId = tenant.NextDisplayId(invoiceDate),
            ClientId = client.AccountId,
            SiteId = client.HqSiteId,
            InvoiceDate = invoiceDate,
            DueDate = invoiceDate.AddDays(term.Days),
            Status = status,
            SentToClient = status != StoredInvoiceStatus.Draft,
            PaymentTermId = term.PaymentTermId,
        };
    }

    private static SandboxLine NewLine(SandboxTenant tenant, SandboxInvoice invoice, Random random)
    {
        var item = tenant.ServiceItems[random.Next(tenant.ServiceItems.Count)];
        decimal quantity = item switch
        {
            { QuantityType: ServiceQuantityType.Hours } => random.Next(1, 49) * 0.25m,
            { Taxable: true } => random.Next(1, 6),
            _ => random.Next(1, 51),
        };

        decimal? discountRate = null;
        if (random.NextDouble() < 0.08)
        {
            discountRate = random.Next(2) == 0 ? 5m : 10m;
        }

        var line = new SandboxLine
        {
            ItemId = tenant.Ids.Next(),
            Invoice = invoice,
            BilledDate = invoice.InvoiceDate,
            Details = item.QuantityType == ServiceQuantityType.Hours
                ? $"{item.Name} - ticket work"
                : $"{item.Name} - {invoice.InvoiceDate:MMM yyyy}",
            Quantity = quantity,
            UnitPrice = item.UnitPrice,
            DiscountRate = discountRate,
            DiscountAmount = discountRate is { } rate ? Money.Round(quantity * item.UnitPrice * rate / 100m) : 0m,
            Taxable = item.Taxable,
            Tax = item.Taxable ? tenant.Taxes[0] : null,
            ServiceItem = item,
        };
        return line;
    }

    private static void AddSeedPayments(SandboxTenant tenant, SandboxInvoice invoice, Random random, DateOnly today)
    {
        var method = tenant.PaymentMethods[random.Next(tenant.PaymentMethods.Count)];
        if (invoice.Status == StoredInvoiceStatus.Paid)
        {
            var paidOn = invoice.InvoiceDate.AddDays(random.Next(1, 31));
            if (paidOn > today)
            {
                paidOn = today;
            }

            invoice.PaymentDate = paidOn;
            invoice.PaymentMethodId = method.PaymentMethodId;
            invoice.PaymentReference = $"PMT-{random.Next(100000, 999999)}";
            invoice.Payments.Add(new SandboxPayment
            {
                PaymentId = tenant.Ids.Next(), Type = "PAYMENT", Amount = invoice.TotalAmount, PaymentDate = paidOn,
                PaymentMethodId = method.PaymentMethodId, PaymentReference = invoice.PaymentReference,
            });
            return;
        }

        if (invoice.Status != StoredInvoiceStatus.Approved || invoice.TotalAmount < 10m)
        {
            return;
        }

        var roll = random.NextDouble();
        if (roll < 0.25)
        {
            var share = random.Next(20, 61) / 100m;
            invoice.Payments.Add(new SandboxPayment
            {
                PaymentId = tenant.Ids.Next(), Type = "PAYMENT", Amount = Money.Round(invoice.TotalAmount * share),
                PaymentDate = Min(invoice.InvoiceDate.AddDays(random.Next(1, 15)), today),
                PaymentMethodId = method.PaymentMethodId, PaymentReference = $"PMT-{random.Next(100000, 999999)}",
            });
        }
        else if (roll < 0.33)
        {
            invoice.Payments.Add(new SandboxPayment
            {
                PaymentId = tenant.Ids.Next(), Type = "CREDIT", Amount = Money.Round(invoice.TotalAmount * 0.1m),
                PaymentDate = Min(invoice.InvoiceDate.AddDays(random.Next(1, 15)), today),
                PaymentReference = "Service credit",
            });
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

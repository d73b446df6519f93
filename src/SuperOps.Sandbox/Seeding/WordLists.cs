namespace SuperOps.Sandbox.Seeding;

/// <summary>Word lists for generated company names, people and addresses.</summary>
internal static class WordLists
{
    public static readonly string[] NameStarts =
    [
        "North", "South", "East", "West", "Blue", "Red", "Green", "Silver", "Golden", "Iron", "Stone", "River",
        "Lake", "Harbor", "Summit", "Pine", "Oak", "Maple", "Cedar", "Willow", "Bright", "Clear", "Swift", "Prime",
        "Pioneer", "Liberty", "Eagle", "Falcon", "Granite", "Coastal", "Valley", "Ridge", "Canyon", "Prairie",
        "Metro", "Union", "Crown", "Beacon", "Anchor", "Keystone",
    ];

    public static readonly string[] NameCores =
    [
        "Dental", "Legal", "Logistics", "Accounting", "Architects", "Engineering", "Medical", "Realty", "Insurance",
        "Construction", "Manufacturing", "Veterinary", "Pharmacy", "Consulting", "Marketing", "Design", "Foods",
        "Brewing", "Auto", "Freight", "Financial", "Health", "Dynamics", "Systems", "Solutions", "Partners",
        "Holdings", "Ventures", "Labs", "Works", "Supply", "Energy", "Properties", "Capital", "Outfitters",
        "Clinic", "Academy", "Studios", "Electric", "Plumbing",
    ];

    public static readonly string[] NameEnds = ["LLC", "Inc", "Group", "Co", "Associates", "Ltd", "Corp", "& Sons", "PLLC", "Partners"];

    public static readonly string[] FirstNames =
    [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
        "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Karen",
        "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Sandra", "Mark", "Ashley", "Priya", "Emily",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee",
        "Perez", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Young", "Patel",
    ];

    public static readonly string[] Streets =
    [
        "Main St", "Oak Ave", "Maple Dr", "Park Blvd", "Cedar Ln", "Washington St", "Lake Rd", "Hill St", "Market St",
        "Church St", "Elm St", "Industrial Pkwy", "Commerce Dr", "Riverside Dr", "Broadway",
    ];

    /// <summary>US cities with state code, postal code prefix and IANA time zone.</summary>
    public static readonly (string City, string State, string Postal, string TimeZone)[] UsCities =
    [
        ("Austin", "US-TX", "787", "America/Chicago"), ("Denver", "US-CO", "802", "America/Denver"),
        ("Portland", "US-OR", "972", "America/Los_Angeles"), ("Columbus", "US-OH", "432", "America/New_York"),
        ("Raleigh", "US-NC", "276", "America/New_York"), ("Phoenix", "US-AZ", "850", "America/Phoenix"),
        ("Nashville", "US-TN", "372", "America/Chicago"), ("Tampa", "US-FL", "336", "America/New_York"),
        ("Madison", "US-WI", "537", "America/Chicago"), ("Boise", "US-ID", "837", "America/Boise"),
        ("Sacramento", "US-CA", "958", "America/Los_Angeles"), ("Richmond", "US-VA", "232", "America/New_York"),
    ];

    /// <summary>European cities with country code, postal code prefix and IANA time zone.</summary>
    public static readonly (string City, string Country, string Postal, string TimeZone)[] EuCities =
    [
        ("Dublin", "IE", "D0", "Europe/Dublin"), ("Amsterdam", "NL", "10", "Europe/Amsterdam"),
        ("Berlin", "DE", "10", "Europe/Berlin"), ("Munich", "DE", "80", "Europe/Berlin"),
        ("Lyon", "FR", "69", "Europe/Paris"), ("Madrid", "ES", "28", "Europe/Madrid"),
        ("Milan", "IT", "20", "Europe/Rome"), ("Vienna", "AT", "10", "Europe/Vienna"),
        ("Brussels", "BE", "10", "Europe/Brussels"), ("Copenhagen", "DK", "12", "Europe/Copenhagen"),
    ];
}

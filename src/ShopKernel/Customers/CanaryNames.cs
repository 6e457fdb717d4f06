namespace ShopKernel.Customers;

/// <summary>
/// Common given names and surnames across Europe and the Americas, in ASCII so that they read as the local part of
/// an address too: what an export canary is called. Common names keep it plausible; the digits of its address and
/// the keyed choice keep it unique to its export.
/// </summary>
internal static class CanaryNames
{
    public static readonly string[] Given =
    [
        "Anna", "Maria", "Laura", "Julia", "Sarah", "Emma", "Sophie", "Lena", "Clara", "Elena", "Paula", "Nina",
        "Eva", "Lisa", "Hanna", "Marta", "Sofia", "Chloe", "Lucia", "Alice", "Ines", "Emily", "Olivia", "Charlotte",
        "Amelia", "Isabel", "Martina", "Katrin", "Sandra", "Claudia", "Petra", "Monika", "Lea", "Mia", "Greta", "Ida",
        "Carla", "Elisa", "Helena", "Johanna", "Rosa", "Vera", "Alba", "Irene", "Nora", "Ella", "Zoe", "Camille",
        "Daniel", "David", "Thomas", "Michael", "Peter", "Paul", "Lukas", "Jonas", "Felix", "Max", "Leon", "Tobias",
        "Simon", "Jan", "Marco", "Luca", "Pablo", "Javier", "Carlos", "Miguel", "Antoine", "Louis", "Hugo", "Lucas",
        "Noah", "Liam", "James", "Oliver", "William", "Henry", "Samuel", "Martin", "Stefan", "Andreas", "Markus", "Florian",
        "Matteo", "Lorenzo", "Erik", "Lars", "Nils", "Tom", "Ben", "Adam", "Robert", "Frank", "Kevin", "Sebastian",
    ];

    public static readonly string[] Family =
    [
        "Smith", "Johnson", "Brown", "Miller", "Wilson", "Taylor", "Clark", "Walker", "Wright", "Hall", "Young", "King",
        "Green", "Baker", "Hill", "Moore", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
        "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Braun", "Zimmermann", "Hartmann", "Krause", "Lange",
        "Werner", "Peters", "Jansen", "Bakker", "Visser", "Smit", "Bernard", "Dubois", "Moreau", "Laurent", "Michel", "Lefebvre",
        "Leroy", "Garcia", "Martinez", "Lopez", "Sanchez", "Perez", "Gomez", "Fernandez", "Rossi", "Russo", "Ferrari", "Esposito",
        "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "Costa", "Nielsen", "Hansen",
        "Jensen", "Andersen", "Larsen", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Lindqvist", "Novak", "Kowalski", "Nowak", "Horvat",
        "Murphy", "Kelly", "Walsh", "Byrne", "Ryan", "Silva", "Santos", "Oliveira", "Pereira", "Ferreira", "Almeida", "Carvalho",
    ];
}

namespace Miljofyrtarn.Core.Diagnostics;

/// <summary>The message templates of roles and access: who may do what, and the certifier's impartiality.</summary>
internal static partial class Messages
{
    private static IEnumerable<KeyValuePair<string, string[]>> RoleTemplates() => new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [ErrorCodes.ActorLacksRole] = [
            "«{0}» har ingen rolle i «{2}» som kan {1:operation}; det kan bare {3:roles}.",
            "«{0}» har inga rolle i «{2}» som kan {1:operation}; det kan berre {3:roles}.",
            "'{0}' holds no role in '{2}' that may {1:operation}; only {3:roles} may."],
        [ErrorCodes.CertifierNotAssigned] = [
            "«{0}» er ikke sertifisøren Stiftelsen Miljøfyrtårn har tildelt «{1}» (tildelt: {2}); bare den tildelte sertifisøren kan godkjenne.",
            "«{0}» er ikkje sertifisøren Stiftinga Miljøfyrtårn har tildelt «{1}» (tildelt: {2}); berre den tildelte sertifisøren kan godkjenne.",
            "'{0}' is not the certifier the Eco-Lighthouse Foundation assigned to '{1}' (assigned: {2}); only the assigned certifier may approve."],
        [ErrorCodes.CertifierHoldsRole] = [
            "Sertifisøren «{0}» har rollen {1:role} i «{2}» og er derfor inhabil; en annen sertifisør må tildeles.",
            "Sertifisøren «{0}» har rolla {1:role} i «{2}» og er difor inhabil; ein annan sertifisør må tildelast.",
            "The certifier '{0}' holds the role {1:role} in '{2}' and is therefore not impartial; another certifier must be assigned."],
        [ErrorCodes.CertifierWasConsultant] = [
            "Sertifisøren «{0}» har vært konsulent for «{1}» (fra {2}) og er derfor inhabil; en annen sertifisør må tildeles.",
            "Sertifisøren «{0}» har vore konsulent for «{1}» (frå {2}) og er difor inhabil; ein annan sertifisør må tildelast.",
            "The certifier '{0}' has been the consultant of '{1}' (from {2}) and is therefore not impartial; another certifier must be assigned."],
        [ErrorCodes.RoleNotGrantable] = [
            "Rollen {0:role} kan ikke gis av virksomheten; sertifisøren tildeles av Stiftelsen Miljøfyrtårn, og stiftelsen bekreftes av innloggingen.",
            "Rolla {0:role} kan ikkje gjevast av verksemda; sertifisøren vert tildelt av Stiftinga Miljøfyrtårn, og stiftinga vert stadfesta av innlogginga.",
            "The organisation cannot grant the role {0:role}; the certifier is assigned by the Eco-Lighthouse Foundation, and the foundation is vouched for by the sign-in."],
        [ErrorCodes.RoleNotHeld] = [
            "«{0}» har ikke rollen {1:role} i «{2}», så den kan ikke tas bort.",
            "«{0}» har ikkje rolla {1:role} i «{2}», så ho kan ikkje takast bort.",
            "'{0}' does not hold the role {1:role} in '{2}', so it cannot be revoked."],
        [ErrorCodes.RoleAlreadyHeld] = [
            "«{0}» har allerede rollen {1:role} i «{2}».",
            "«{0}» har alt rolla {1:role} i «{2}».",
            "'{0}' already holds the role {1:role} in '{2}'."],
        [ErrorCodes.PersonIdTooLong] = [
            "ID-en som begynner med «{0}» er {1} tegn lang; en persons ID har høyst {2} tegn.",
            "ID-en som byrjar med «{0}» er {1} teikn lang; ein persons ID har høgst {2} teikn.",
            "The ID that begins '{0}' is {1} characters long; a person's ID has at most {2}."],
        [ErrorCodes.UnitRoleNeedsUnit] = [
            "Kontaktpersonen «{0}» må knyttes til en enhet.",
            "Kontaktpersonen «{0}» må knytast til ei eining.",
            "The contact '{0}' must be given a unit."],
    };
}

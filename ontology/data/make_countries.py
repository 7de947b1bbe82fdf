"""Generate ``countries.json``: the sovereign countries, with their French names and adjectives.

Run from the repository root (no network needed)::

    .venv/bin/python ontology/data/make_countries.py

Sources, all installed offline:

* the list of countries: the ``UNmember`` column of country_converter's ``country_data.tsv``
  (the 193 UN members) plus Palestine, the Holy See, Kosovo and Taiwan;
* ISO codes: pycountry (Kosovo has no ISO 3166 code: the user-assigned ``XK``/``XKX``
  used by the EU, the IMF and the World Bank);
* French names: Babel's ``Locale("fr").territories`` and pycountry's French translations
  (short and official names);
* everything else (usual press name, variants, nationality adjectives, capital, article) is
  the hand-written table ``CURATED`` below: general reference facts, no article's content.

Table format, one country a line, fields separated by ``|``::

    ISO3 | article | name | other names ; ... | adjectives ; ... | capital | other capital names ; ...

An adjective is written ``masculine/feminine`` (``américain/américaine``), or just the
masculine when the feminine is the same (``britannique``); the plurals are derived (``+s``,
nothing after ``s``/``x``/``z``). ``=a,b,c`` lists the forms literally (irregular plurals).
An empty article means the name takes none (« Israël », « Cuba »).
"""

from __future__ import annotations

import csv
import gettext
import json
import unicodedata
from pathlib import Path

import babel
import country_converter
import pycountry

HERE = Path(__file__).resolve().parent
OUT = HERE / "countries.json"
TSV = Path(country_converter.__file__).resolve().parent / "country_data.tsv"

# Source names that are misspelt or not in French use.
BAD_SOURCE_NAMES = {
    "République populaire du Bengladesh",
    "Royaume du Bouthan",
    "République de San Marin",
    "République d'Inde",
    "République fédérale du Brésil",
    "République d'Argentine",
}

# Sovereign or widely recognised states that are not UN members.
EXTRA = {"PSE": "PS", "VAT": "VA", "XKX": "XK", "TWN": "TW"}

CURATED = """
AFG|l'|Afghanistan||afghan/afghane|Kaboul|Kabul
AGO|l'|Angola||angolais/angolaise|Luanda|
ALB|l'|Albanie||albanais/albanaise|Tirana|
AND|l'|Andorre|Principauté d'Andorre|andorran/andorrane|Andorre-la-Vieille|
ARE|les|Émirats arabes unis|Émirats;EAU;Emirats Arabes Unis|émirati/émiratie|Abou Dhabi|Abu Dhabi;Abou Dabi
ARG|l'|Argentine|République argentine|argentin/argentine|Buenos Aires|
ARM|l'|Arménie||arménien/arménienne|Erevan|Yerevan;Érevan
ATG||Antigua-et-Barbuda|Antigua|=antiguais,antiguaise,antiguaises|Saint John's|
AUS|l'|Australie||australien/australienne|Canberra|
AUT|l'|Autriche||autrichien/autrichienne|Vienne|
AZE|l'|Azerbaïdjan|Azerbaidjan|azerbaïdjanais/azerbaïdjanaise;azéri/azérie|Bakou|Baku
BDI|le|Burundi||burundais/burundaise|Gitega|
BEL|la|Belgique||belge|Bruxelles|
BEN|le|Bénin||béninois/béninoise|Porto-Novo|
BFA|le|Burkina Faso|Burkina|=burkinabè,burkinabé,burkinabés,burkinabée,burkinabées|Ouagadougou|
BGD|le|Bangladesh|République populaire du Bangladesh|bangladais/bangladaise|Dacca|Dhaka
BGR|la|Bulgarie||bulgare|Sofia|
BHR||Bahreïn|Bahrein|bahreïnien/bahreïnienne;bahreïni/bahreïnie|Manama|
BHS|les|Bahamas||bahamien/bahamienne|Nassau|
BIH|la|Bosnie-Herzégovine|Bosnie|bosnien/bosnienne|Sarajevo|
BLR|la|Biélorussie|Bélarus;Belarus|biélorusse;bélarusse|Minsk|
BLZ|le|Belize||bélizien/bélizienne|Belmopan|
BOL|la|Bolivie||bolivien/bolivienne|La Paz|
BRA|le|Brésil|République fédérative du Brésil|brésilien/brésilienne|Brasilia|Brasília
BRB|la|Barbade||barbadien/barbadienne|Bridgetown|
BRN|le|Brunei|Brunéi;Brunei Darussalam|brunéien/brunéienne;bruneien/bruneienne|Bandar Seri Begawan|
BTN|le|Bhoutan||bhoutanais/bhoutanaise|Thimphou|Thimphu
BWA|le|Botswana||botswanais/botswanaise|Gaborone|
CAF|la|République centrafricaine|Centrafrique;RCA|centrafricain/centrafricaine|Bangui|
CAN|le|Canada||canadien/canadienne|Ottawa|
CHE|la|Suisse|Confédération suisse|suisse;helvétique|Berne|Bern
CHL|le|Chili||chilien/chilienne|Santiago|Santiago du Chili
CHN|la|Chine|République populaire de Chine;RPC|chinois/chinoise|Pékin|Beijing
CIV|la|Côte d'Ivoire|Cote d'Ivoire|ivoirien/ivoirienne|Yamoussoukro|
CMR|le|Cameroun||camerounais/camerounaise|Yaoundé|
COD|la|République démocratique du Congo|RDC;RD Congo;RDCongo;Congo-Kinshasa;Congo Kinshasa||Kinshasa|
COG|le|Congo|République du Congo;Congo-Brazzaville;Congo Brazzaville||Brazzaville|
COL|la|Colombie||colombien/colombienne|Bogota|Bogotá
COM|les|Comores|Union des Comores|comorien/comorienne|Moroni|
CPV|le|Cap-Vert|Cabo Verde|cap-verdien/cap-verdienne|Praia|
CRI|le|Costa Rica||costaricien/costaricienne;costaricain/costaricaine|San José|
CUB||Cuba||cubain/cubaine|La Havane|
CYP||Chypre||chypriote;cypriote|Nicosie|
CZE|la|République tchèque|Tchéquie|tchèque|Prague|
DEU|l'|Allemagne||allemand/allemande|Berlin|
DJI||Djibouti||djiboutien/djiboutienne|Djibouti|
DMA|la|Dominique||dominiquais/dominiquaise|Roseau|
DNK|le|Danemark||danois/danoise|Copenhague|
DOM|la|République dominicaine||dominicain/dominicaine|Saint-Domingue|
DZA|l'|Algérie||algérien/algérienne|Alger|
ECU|l'|Équateur||équatorien/équatorienne|Quito|
EGY|l'|Égypte||égyptien/égyptienne|Le Caire|
ERI|l'|Érythrée||érythréen/érythréenne|Asmara|
ESP|l'|Espagne||espagnol/espagnole|Madrid|
EST|l'|Estonie||estonien/estonienne|Tallinn|
ETH|l'|Éthiopie||éthiopien/éthiopienne|Addis-Abeba|Addis Abeba
FIN|la|Finlande||finlandais/finlandaise|Helsinki|
FJI|les|Fidji|Îles Fidji|fidjien/fidjienne|Suva|
FRA|la|France||français/française|Paris|
FSM|la|Micronésie|États fédérés de Micronésie|micronésien/micronésienne|Palikir|
GAB|le|Gabon||gabonais/gabonaise|Libreville|
GBR|le|Royaume-Uni|Grande-Bretagne|britannique|Londres|
GEO|la|Géorgie||géorgien/géorgienne|Tbilissi|Tbilisi
GHA|le|Ghana||ghanéen/ghanéenne|Accra|
GIN|la|Guinée|Guinée-Conakry;Guinée Conakry|guinéen/guinéenne|Conakry|
GMB|la|Gambie||gambien/gambienne|Banjul|
GNB|la|Guinée-Bissau|Guinée Bissau|bissau-guinéen/bissau-guinéenne|Bissau|
GNQ|la|Guinée équatoriale||équato-guinéen/équato-guinéenne|Malabo|
GRC|la|Grèce||grec/grecque|Athènes|
GRD|la|Grenade||grenadien/grenadienne|Saint-Georges|Saint George's
GTM|le|Guatemala||guatémaltèque|Guatemala|Ciudad de Guatemala
GUY|le|Guyana||guyanien/guyanienne|Georgetown|
HND|le|Honduras||hondurien/hondurienne|Tegucigalpa|
HRV|la|Croatie||croate|Zagreb|
HTI||Haïti|Haiti|haïtien/haïtienne|Port-au-Prince|
HUN|la|Hongrie||hongrois/hongroise|Budapest|
IDN|l'|Indonésie||indonésien/indonésienne|Jakarta|Djakarta
IND|l'|Inde|République de l'Inde|indien/indienne|New Delhi|Nouvelle-Delhi
IRL|l'|Irlande|République d'Irlande|irlandais/irlandaise|Dublin|
IRN|l'|Iran|République islamique d'Iran|iranien/iranienne|Téhéran|
IRQ|l'|Irak|Iraq|irakien/irakienne;iraquien/iraquienne|Bagdad|
ISL|l'|Islande||islandais/islandaise|Reykjavik|Reykjavík
ISR||Israël|État d'Israël|israélien/israélienne|Jérusalem|
ITA|l'|Italie||italien/italienne|Rome|
JAM|la|Jamaïque||jamaïcain/jamaïcaine|Kingston|
JOR|la|Jordanie||jordanien/jordanienne|Amman|
JPN|le|Japon||japonais/japonaise|Tokyo|Tokio
KAZ|le|Kazakhstan||kazakh/kazakhe;kazakhstanais/kazakhstanaise|Astana|Nour-Soultan
KEN|le|Kenya||kényan/kényane;kenyan/kenyane|Nairobi|
KGZ|le|Kirghizstan|Kirghizistan|kirghiz/kirghize;kirghizstanais/kirghizstanaise|Bichkek|Bishkek
KHM|le|Cambodge||cambodgien/cambodgienne|Phnom Penh|Phnom-Penh
KIR|les|Kiribati||kiribatien/kiribatienne|Tarawa-Sud|Tarawa
KNA||Saint-Christophe-et-Niévès|Saint-Kitts-et-Nevis|kittitien/kittitienne|Basseterre|
KOR|la|Corée du Sud|République de Corée|sud-coréen/sud-coréenne|Séoul|
KWT|le|Koweït|Koweit|koweïtien/koweïtienne|Koweït|Koweït City;Koweit
LAO|le|Laos||laotien/laotienne|Vientiane|
LBN|le|Liban||libanais/libanaise|Beyrouth|
LBR|le|Liberia|Libéria|libérien/libérienne|Monrovia|
LBY|la|Libye||libyen/libyenne|Tripoli|
LCA||Sainte-Lucie||saint-lucien/saint-lucienne|Castries|
LIE|le|Liechtenstein||liechtensteinois/liechtensteinoise|Vaduz|
LKA|le|Sri Lanka||sri-lankais/sri-lankaise|Sri Jayawardenapura Kotte|Kotte
LSO|le|Lesotho||lésothien/lésothienne|Maseru|
LTU|la|Lituanie||lituanien/lituanienne|Vilnius|
LUX|le|Luxembourg|Grand-Duché de Luxembourg|luxembourgeois/luxembourgeoise|Luxembourg|
LVA|la|Lettonie||letton/lettone|Riga|
MAR|le|Maroc||marocain/marocaine|Rabat|
MCO||Monaco|Principauté de Monaco|monégasque|Monaco|
MDA|la|Moldavie|Moldova;République de Moldavie|moldave|Chisinau|Chișinău;Kichinev
MDG||Madagascar||malgache|Antananarivo|Tananarive
MDV|les|Maldives||maldivien/maldivienne|Malé|
MEX|le|Mexique||mexicain/mexicaine|Mexico|
MHL|les|Îles Marshall||marshallais/marshallaise|Majuro|
MKD|la|Macédoine du Nord|Macédoine|macédonien/macédonienne;nord-macédonien/nord-macédonienne|Skopje|
MLI|le|Mali||malien/malienne|Bamako|
MLT||Malte||maltais/maltaise|La Valette|
MMR|la|Birmanie|Myanmar|birman/birmane|Naypyidaw|Naypyitaw;Nay Pyi Taw
MNE|le|Monténégro||monténégrin/monténégrine|Podgorica|
MNG|la|Mongolie||mongol/mongole|Oulan-Bator|Oulan Bator;Oulan-Baator
MOZ|le|Mozambique||mozambicain/mozambicaine|Maputo|
MRT|la|Mauritanie||mauritanien/mauritanienne|Nouakchott|
MUS||Maurice|Île Maurice|mauricien/mauricienne|Port-Louis|
MWI|le|Malawi||malawite;malawien/malawienne|Lilongwe|
MYS|la|Malaisie||malaisien/malaisienne|Kuala Lumpur|
NAM|la|Namibie||namibien/namibienne|Windhoek|
NER|le|Niger||nigérien/nigérienne|Niamey|
NGA|le|Nigeria|Nigéria|nigérian/nigériane|Abuja|
NIC|le|Nicaragua||nicaraguayen/nicaraguayenne|Managua|
NLD|les|Pays-Bas||néerlandais/néerlandaise;hollandais/hollandaise|Amsterdam|
NOR|la|Norvège||norvégien/norvégienne|Oslo|
NPL|le|Népal||népalais/népalaise|Katmandou|Kathmandu
NRU||Nauru||nauruan/nauruane|Yaren|
NZL|la|Nouvelle-Zélande||néo-zélandais/néo-zélandaise|Wellington|
OMN||Oman|Sultanat d'Oman|omanais/omanaise|Mascate|
PAK|le|Pakistan||pakistanais/pakistanaise|Islamabad|
PAN|le|Panama||panaméen/panaméenne|Panama|
PER|le|Pérou||péruvien/péruvienne|Lima|
PHL|les|Philippines||philippin/philippine|Manille|
PLW|les|Palaos|Palau|palaosien/palaosienne|Ngerulmud|
PNG|la|Papouasie-Nouvelle-Guinée||=papouan-néo-guinéen,papouane-néo-guinéenne,papouans-néo-guinéens,papouanes-néo-guinéennes|Port Moresby|Port-Moresby
POL|la|Pologne||polonais/polonaise|Varsovie|
PRK|la|Corée du Nord|RPDC;République populaire démocratique de Corée|nord-coréen/nord-coréenne|Pyongyang|
PRT|le|Portugal||portugais/portugaise|Lisbonne|
PRY|le|Paraguay||paraguayen/paraguayenne|Asuncion|Asunción
QAT|le|Qatar||qatari/qatarie;qatarien/qatarienne|Doha|
ROU|la|Roumanie||roumain/roumaine|Bucarest|
RUS|la|Russie|Fédération de Russie|russe|Moscou|
RWA|le|Rwanda||rwandais/rwandaise|Kigali|
SAU|l'|Arabie saoudite||saoudien/saoudienne|Riyad|Riyadh
SDN|le|Soudan||soudanais/soudanaise|Khartoum|
SEN|le|Sénégal||sénégalais/sénégalaise|Dakar|
SGP||Singapour||singapourien/singapourienne|Singapour|
SLB|les|Îles Salomon||salomonais/salomonaise|Honiara|
SLE|la|Sierra Leone||sierra-léonais/sierra-léonaise|Freetown|
SLV|le|Salvador|El Salvador|salvadorien/salvadorienne|San Salvador|
SMR||Saint-Marin||saint-marinais/saint-marinaise|Saint-Marin|
SOM|la|Somalie||somalien/somalienne|Mogadiscio|Mogadishu
SRB|la|Serbie||serbe|Belgrade|
SSD|le|Soudan du Sud||sud-soudanais/sud-soudanaise|Djouba|Juba
STP||Sao Tomé-et-Principe|São Tomé-et-Príncipe|santoméen/santoméenne|Sao Tomé|São Tomé
SUR|le|Suriname|Surinam|surinamais/surinamaise|Paramaribo|
SVK|la|Slovaquie||slovaque|Bratislava|
SVN|la|Slovénie||slovène|Ljubljana|
SWE|la|Suède||suédois/suédoise|Stockholm|
SWZ|l'|Eswatini|Swaziland|eswatinien/eswatinienne;swazi/swazie|Mbabane|
SYC|les|Seychelles||seychellois/seychelloise|Victoria|
SYR|la|Syrie||syrien/syrienne|Damas|
TCD|le|Tchad||tchadien/tchadienne|N'Djamena|Ndjamena
TGO|le|Togo||togolais/togolaise|Lomé|
THA|la|Thaïlande|Thailande|thaïlandais/thaïlandaise|Bangkok|
TJK|le|Tadjikistan||tadjik/tadjike;tadjikistanais/tadjikistanaise|Douchanbé|Dushanbe;Douchanbe
TKM|le|Turkménistan||turkmène|Achgabat|Ashgabat
TLS|le|Timor oriental|Timor-Leste;Timor-Oriental|est-timorais/est-timoraise;timorais/timoraise|Dili|
TON|les|Tonga||tongien/tongienne|Nuku'alofa|Nukualofa
TTO||Trinité-et-Tobago||trinidadien/trinidadienne|Port-d'Espagne|Port of Spain
TUN|la|Tunisie||tunisien/tunisienne|Tunis|
TUR|la|Turquie|Türkiye|turc/turque|Ankara|
TUV||Tuvalu||tuvaluan/tuvaluane|Funafuti|
TZA|la|Tanzanie||tanzanien/tanzanienne|Dodoma|
UGA|l'|Ouganda||ougandais/ougandaise|Kampala|
UKR|l'|Ukraine||ukrainien/ukrainienne|Kiev|Kyiv;Kyïv
URY|l'|Uruguay||uruguayen/uruguayenne|Montevideo|Montévidéo
USA|les|États-Unis|Etats-Unis d'Amérique;États-Unis d'Amérique|américain/américaine;états-unien/états-unienne|Washington|Washington DC;Washington D.C.
UZB|l'|Ouzbékistan||ouzbek/ouzbèke;ouzbékistanais/ouzbékistanaise|Tachkent|Tashkent
VCT||Saint-Vincent-et-les-Grenadines|Saint-Vincent|saint-vincentais/saint-vincentaise;vincentais/vincentaise|Kingstown|
VEN|le|Venezuela|Vénézuela|vénézuélien/vénézuélienne|Caracas|
VNM|le|Vietnam|Viêt Nam;Viet Nam;Viêt-nam;Viet-nam|vietnamien/vietnamienne|Hanoï|Hanoi
VUT|le|Vanuatu||vanuatais/vanuataise|Port-Vila|
WSM|les|Samoa||samoan/samoane|Apia|
YEM|le|Yémen||yéménite|Sanaa|
ZAF|l'|Afrique du Sud||sud-africain/sud-africaine|Pretoria|
ZMB|la|Zambie||zambien/zambienne|Lusaka|
ZWE|le|Zimbabwe||zimbabwéen/zimbabwéenne|Harare|
PSE|la|Palestine|État de Palestine;Territoires palestiniens|palestinien/palestinienne|Jérusalem-Est|
VAT|le|Vatican|Saint-Siège;Cité du Vatican;État de la Cité du Vatican|vatican/vaticane|Cité du Vatican|
XKX|le|Kosovo|République du Kosovo|kosovar/kosovare|Pristina|Priština;Prishtina
TWN||Taïwan|Taiwan|taïwanais/taïwanaise|Taipei|Taïpei
"""

# Adjectives deliberately absent: « congolais » (said of both Congos), « coréen » (both Koreas),
# « anglais » / « écossais » (nations of the United Kingdom, not countries), « européen » etc.


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def _unaccented_initial(name: str) -> str:
    """« États-Unis » → « Etats-Unis »: the press often drops the accent of a capital letter."""
    words = name.split(" ")
    return " ".join(
        "-".join((_strip_accents(p[0]) + p[1:]) if p and p[0].isupper() else p for p in w.split("-"))
        for w in words
    )


def _clean(name: str) -> str:
    return " ".join(name.replace("’", "'").split())


def _forms(spec: str) -> list[str]:
    if spec.startswith("="):
        return [f.strip() for f in spec[1:].split(",") if f.strip()]
    masc, _, fem = spec.partition("/")
    fem = fem or masc

    def plural(w: str) -> str:
        return w if w.endswith(("s", "x", "z")) else w + "s"

    return [masc, fem, plural(masc), plural(fem)]


def _dedup(items) -> list[str]:
    out: list[str] = []
    for x in items:
        x = _clean(x)
        if x and x not in out:
            out.append(x)
    return out


def _source_names(iso2: str, iso3: str) -> list[str]:
    """Extra French names from Babel and pycountry, skipping inverted or bracketed forms."""
    names = []
    babel_name = babel.Locale("fr").territories.get(iso2)
    if babel_name:
        names.append(babel_name)
    country = pycountry.countries.get(alpha_3=iso3)
    if country is not None:
        fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
        names.append(fr.gettext(country.name))
        official = getattr(country, "official_name", None)
        if official:
            names.append(fr.gettext(official))
    out = []
    for n in names:
        n = _clean(n)
        if n[:2] in ("L'", "l'"):
            n = n[2:]
            n = n[0].upper() + n[1:]
        if "," in n or "(" in n or not n or n in BAD_SOURCE_NAMES:
            continue
        out.append(n)
    return out


def build() -> list[dict]:
    rows = list(csv.DictReader(TSV.open(encoding="utf-8"), delimiter="\t"))
    wanted = {r["ISO3"] for r in rows if r["UNmember"].strip()}
    assert len(wanted) == 193, len(wanted)
    wanted |= set(EXTRA)

    curated = {}
    for line in CURATED.strip().splitlines():
        fields = [f.strip() for f in line.split("|")]
        assert len(fields) == 7, line
        curated[fields[0]] = fields
    missing = wanted - set(curated)
    extra = set(curated) - wanted
    assert not missing and not extra, (missing, extra)

    countries = []
    for iso3 in sorted(wanted):
        _, article, name, names, adjs, capital, capital_names = curated[iso3]
        pc = pycountry.countries.get(alpha_3=iso3)
        iso2 = pc.alpha_2 if pc is not None else EXTRA[iso3]
        all_names = _dedup([name, *names.split(";"), *_source_names(iso2, iso3)])
        all_names = _dedup(all_names + [_unaccented_initial(n) for n in all_names])
        adjectives = _dedup(f.lower() for spec in adjs.split(";") if spec for f in _forms(spec))
        caps = _dedup([capital, *capital_names.split(";")]) if capital else []
        caps = _dedup(caps + [_unaccented_initial(n) for n in caps])
        countries.append(
            {
                "iso2": iso2,
                "iso3": iso3,
                "name": name,
                "names": all_names,
                "adjectives": adjectives,
                "capital": capital or None,
                "capital_names": caps,
                "article": article,
            }
        )
    _check(countries)
    return countries


def _key(text: str) -> str:
    return " ".join(_strip_accents(text).lower().replace("-", " ").split())


def _check(countries: list[dict]) -> None:
    seen_names: dict[str, str] = {}
    seen_adjs: dict[str, str] = {}
    for c in countries:
        for n in c["names"]:
            k = _key(n)
            assert seen_names.setdefault(k, c["iso3"]) == c["iso3"], (n, c["iso3"], seen_names[k])
        for a in c["adjectives"]:
            k = _key(a)
            assert seen_adjs.setdefault(k, c["iso3"]) == c["iso3"], (a, c["iso3"], seen_adjs[k])
        assert c["article"] in ("le", "la", "les", "l'", ""), c


def main() -> None:
    countries = build()
    text = "[\n" + ",\n".join(json.dumps(c, ensure_ascii=False) for c in countries) + "\n]\n"
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {len(countries)} countries to {OUT}")


if __name__ == "__main__":
    main()

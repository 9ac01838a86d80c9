/**
 * Word lists for the person-name detector (see `findPersonNames` in detect.ts).
 *
 * The detector looks for a capitalised word next to an age or a family-role word. Two lists keep
 * it honest:
 *
 * - {@link NOT_NAMES}: capitalised words that are never a person's name in programme text:
 *   months, days, places and agencies, workstream and title words ("Child Protection Plan",
 *   "Family Help", "Kinship Zone"), risk and RAG words, function words that start headings.
 *   A name run never contains one of these.
 * - {@link GIVEN_NAMES}: common given names across the generations who appear in case notes
 *   (children, parents, grandparents). Used only where the context is weak, for example a single
 *   capitalised word at the start of a sentence ("Milestones (3)" is not a name, "Tom (7)" is).
 *
 * All entries are lower case.
 */

export const NOT_NAMES: ReadonlySet<string> = new Set(
  `
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
today tomorrow yesterday christmas easter spring summer autumn winter
medway kent chatham gillingham rochester strood rainham swale maidstone sittingbourne sheerness dartford gravesend
canterbury ashford folkestone dover thanet margate tonbridge sevenoaks sussex essex surrey london england
britain wales scotland ireland uk british english national regional local
police council councils nhs icb dfe ofsted cqc cafcass government department authority county borough trust
school schools academy academies college university hospital hospitals court courts barnardo barnardos nspcc
centre center hub hubs unit units service services team teams board boards panel panels forum forums group groups
partnership partnerships programme programmes program project projects pilot pilots zone zones network
office offices agency agencies organisation organisations charity charities company
family families help early intervention kinship care carer carers leaver leavers placement placements
sufficiency safeguarding multi collaboration strengthening improving increasing supporting support supported
protection plan plans conference conferences review reviews practice framework frameworks threshold thresholds
document documents order orders arrangement arrangements special guardianship guardian guardians fostering
foster adoption adopt residential home homes mockingbird constellation constellations virtual education send
health wellbeing well mental social work worker workers lead leads leader practitioner practitioners manager
managers director directors assistant officer officers chief executive executives cabinet councillor
councillors portfolio holder member members chair chairs partner partners head deputy principal
q1 q2 q3 q4 rag
the a an and or of in on at to for with by from into onto as is was are were be been being this that these
those there here our we us their they them he she his her hers him it its no not nor all any each every
both new next last first second third fourth fifth total year years yearly quarter quarterly month monthly
week weekly day daily annual see note notes update updates action actions risk risks issue issues
milestone milestones return returns status overall summary narrative meeting meetings attended attendance
session sessions course courses training skills need needs looked after young people person persons
children childrens boys girls pupils students learners adults parents grandparents siblings babies mothers
fathers sons daughters infants toddlers teenagers teens youth
unaccompanied asylum seeking uasc sgo sgos cao pep peps macpt macpts lcpp ilacs jtai send sen ehcp
act acts bill bills section sections regulation regulations guidance statutory duty duties offer offers
published publish insurance number numbers benefit benefits allowance allowances tax credit credits
universal maintenance poverty exploitation sexual criminal death deaths overview abuse neglect domestic
violence friendly bank banks box boxes steps step massage clinic clinics wards group
house houses lodge court cottage cottages road street avenue lane way close drive place gardens park
farm manor villa view tree chain pad square terrace crescent grove estate st saint
inspection inspections judgement good outstanding requires improvement inadequate
strategy strategies policy policies procedure procedures protocol protocols memorandum memoranda
assessment assessments criteria criterion readiness tracker dashboard report reports reporting
budget budgets funding fund funds grant grants cost costs spend overspend underspend
workforce recruitment retention staff staffing vacancy vacancies agency
contact contacts referral referrals front door mash
working together reform reforms reformed wellbeing schools children's
plus general approach information financial relationships accommodation
however also overall additionally meanwhile following since until during before after
yes ok okay thanks thank please dear regards kind best
mr mrs ms miss dr prof sir dame lord lady cllr
mum mom dad mother father parent son daughter child baby infant boy girl brother sister sibling
grandmother grandfather grandparent grandma grandpa grandad granddad granny nan nana nanna
aunt auntie aunty uncle cousin niece nephew stepmother stepfather stepmum stepdad stepson stepdaughter
`
    .split(/\s+/)
    .filter(Boolean),
);

export const GIVEN_NAMES: ReadonlySet<string> = new Set(
  `
oliver george harry jack noah leo arthur muhammad mohammed mohammad mohamed oscar charlie jacob thomas tom
tommy henry william james jamie joshua josh alfie freddie freddy archie theo theodore isaac ethan
alexander alex lucas logan mason finley finlay daniel dan danny samuel sam sammy joseph joe joey adam
harrison teddy edward ted eddie reggie albert ronnie louie louis elijah sebastian hugo benjamin ben
dylan riley jayden kai tyler lewis liam ryan luke matthew matt michael mike mikey christopher chris
david dave davey andrew andy paul peter pete john johnny jon jonathan richard richie robert rob
robbie bobby steven stephen steve anthony tony kevin gary darren lee craig scott stuart simon neil ian
wayne dean shane jason carl martin nathan kyle callum connor aaron jordan bradley jake kieran reece
rhys owen ashley jay leon toby zachary zach caleb rory frankie stanley jude jenson rowan ezra ollie
olly jasper felix elliot elliott harvey frederick billy alfred roman vincent ralph otis ibrahim yusuf
ali omar ahmed ahmad hassan hussain aarav arjun rohan kacper jakub szymon patrick sean declan brian
colin keith derek trevor graham malcolm roger geoff geoffrey terry terence barry dennis ron ronald
kenneth ken alan allan frank fred harold stan ernest jim jimmy charles hugh nigel philip phil tim
timothy nick nicholas gareth karl glenn ross gavin marcus miles kian leighton tyrone ashton
aiden aidan brandon cameron charley dominic elliott ewan francis gabriel jackson jensen jesse kayden
kenzie lenny lincoln luca marley mateo milo morgan myles nathaniel nico raymond reuben ricky rocco
ruben sonny spencer taylor tristan troy vinnie zak zayn zain adrian alistair brendan clive duncan
gordon howard jeremy kenny lawrence leonard luis mario neville norman oliwer oskar pawel piotr
quentin russell sidney stewart victor walter warren wesley wilfred
olivia amelia isla ava mia ivy lily isabella rosie sophia sophie grace freya willow florence emily
ella poppy evie elsie charlotte evelyn sienna daisy phoebe sofia harper alice matilda isabelle isabel
ruby millie jessica jess chloe megan hannah lauren emma holly amy katie bethany abigail abbie lucy
ellie eleanor zara layla maisie maya aria ayla esme hallie bonnie edith luna nancy margot violet iris
penelope eva erin scarlett paige leah molly niamh aisha fatima maryam zainab amira zoe zoë lola
hollie darcey darcie darcy imogen georgia caitlin rebecca becky rachel sarah sara laura gemma kirsty
stacey kelly lisa michelle nicola nicole claire clare joanne jo donna tracey tracy julie karen helen
susan sue linda patricia pat margaret maggie jean janet jane mary elizabeth liz lizzie beth anne ann
anna hayley natalie samantha victoria vicky louise kate katherine catherine kathleen dorothy doris
joan brenda sandra shirley sheila barbara pauline christine carol wendy debbie deborah alison angela
amanda mandy lorraine diane jacqueline jackie jade chelsea shannon courtney jasmine keira tia demi
kayleigh lacey lexi lexie aaliyah mila nova thea orla ada hazel clara beatrice harriet jemima martha
heidi annabelle elise elena julia maria natasha amelie emilia lottie cora mabel gracie lilly lillie
pippa tilly alexis lydia francesca eliza ellen naomi ruth esther priya ananya aleksandra zuzanna
oliwia amaya aurora delilah eden elizabeth elsa emmie evelyn frankie hattie hermione indie jasmin
kacey kiera lara lacie lilah lyla madison madeleine madeline maddie marnie maeve nadia nina noor
olive peggy rhianna rihanna robyn rosa rose sadie sasha savannah skye stella tegan tiana violet
yasmin zahra ayesha hafsa khadija amina sana safiya lena alicia angelina bella carly cassie
cheryl colleen denise dianne eileen elaine emily gail gillian hilary irene jennifer jenny jill
josephine judith june kim leanne lesley lynn lynne maureen melanie michaela miriam moira nora
norma paula rita rosemary sally sharon sylvia teresa theresa valerie vanessa vera yvonne
`
    .split(/\s+/)
    .filter(Boolean),
);

/** Whether a capitalised word is never a name in programme text (lists, not a dictionary: see above). */
export function isNotName(word: string): boolean {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  return NOT_NAMES.has(w);
}

/** Whether a word is a common given name (and not also a word such as a month: "June", "May"). */
export function isGivenName(word: string): boolean {
  return GIVEN_NAMES.has(word.toLowerCase()) && !isNotName(word);
}

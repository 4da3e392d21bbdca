/**
 * The most common passwords of 8 characters or more, from the public "10 million passwords"
 * frequency list (SecLists, top 10,000), plus a few modern variants. Shorter entries of that list
 * are left out: the length rule rejects them already. Matched case-insensitively.
 */
const LIST = `
password 12345678 123456789 baseball football qwertyuiop 1234567890 superman 1qaz2wsx trustno1
jennifer sunshine iloveyou starwars computer michelle 11111111 princess 987654321 corvette 1234qwer
88888888 q1w2e3r4t5 internet samantha whatever maverick steelers mercedes 123123123 qwer1234 hardcore
q1w2e3r4 midnight bigdaddy victoria 1q2w3e4r cocacola marlboro asdfasdf 87654321 12344321 jordan23
jonathan liverpoo danielle abcd1234 scorpion qazwsxedc password1 slipknot qwerty123 startrek 12341234
redskins butthead asdfghjkl qwertyui liverpool dolphins nicholas elephant mountain xxxxxxxx 1q2w3e4r5t
benjamin creative rush2112 asdfghjk 4815162342 passw0rd bullshit 1qazxsw2 garfield 01012011 69696969
december 11223344 godzilla airborne lifehack brooklyn platinum darkness blink182 789456123 12qwaszx
snowball pakistan redwings williams nintendo guinness november minecraft asdf1234 lasvegas babygirl
12121212 147258369 explorer snickers metallica paradise michigan carolina lacrosse christin kimberly
kristina poohbear bollocks qweasdzxc drowssap caroline einstein 1232323q champion svetlana 12345qwert
aaaaaaaa security 123456789a stargate simpsons scarface 1234554321 cherokee veronica semperfi scotland
marshall 98765432 softball passport franklin alexander 55555555 zaq12wsx infinity kawasaki 77777777
vladimir freeuser wildcats budlight brittany 00000000 bulldogs swordfis patriots pearljam colorado
ncc1701d motorola logitech juventus wolverin 123654789 panthers elizabet spiderma virginia valentin
mitchell 741852963 1111111111 rolltide changeme lovelove fktrcfylh loverboy chevelle cardinal michael1
147852369 american alexandr electric wolfpack spiderman darkside 123456789q 01011980 freepass 99999999
fyfcnfcbz 22222222 1029384756 cheyenne billybob lawrence chocolat business cjkysirj 123qweasd stingray
serenity greenday charlie1 firebird blizzard a1b2c3d4 sterling password123 hercules tarheels remember
basketball zeppelin swimming pavilion engineer bobafett 21122112 icecream hellfire fireball rockstar
defender swordfish airforce abcdefgh srinivas bluebird presario wrangler precious harrison goldfish
soso123aljg dbrnjhbz thailand longhorn 123qweasdzxc wordpass 31415926 999999999 letmein1
assassin testtest devildog valentina butterfly lonewolf babydoll atlantis angelina hotstuff shamrock
mistress deftones cadillac blahblah birthday 1234abcd 01011990 qazwsx123 mustang1 goldberg 12345678910
wolfgang leonardo basketba cristina sweetpea 13131313 freedom1 fredfred manchester kathleen hamilton
renegade drpepper 1qaz2wsx3edc christia buckeyes 0123456789 stephani enterpri diamonds morpheus
66666666 thuglife napoleon highland chandler trfnthbyf welcome1 123qwe123 wrinkle1 51505150 11235813
butterfl elizabeth sherlock marathon trombone barcelona babylon5 ultimate yankees1 superfly campbell
geronimo concrete q1w2e3r4t5y6 jessica1 123454321 portugal 14789632 qazxswedc kingkong adgjmptw
1123581321 alejandr margaret bluemoon ghbdtnbr bonehead personal morrison aleksandr rhbcnbyf dietcoke
cooldude christop lollipop fernando christian letmein2 werewolf punkrock giovanni cdtnkfyf tottenha
hongkong a1234567 zzzzzzzz hollywoo florence gn56gn56 stocking matthew1 immortal 44444444 makaveli
sebastia charlott anthony1 111222333 satan666 columbia waterloo vanhalen skywalke seinfeld qazwsxed
wolverine musicman megadeth verbatim 1q2w3e4r5t6y twilight stardust showtime 147896325 skittles
shaney14 qwerty12345 123321123 intrepid punisher 1234567a starcraft 192837465 mushroom 25802580
slapshot ekaterina 123698745 1234512345 chargers warriors coltrane tacobell penelope 1a2b3c4d 19841984
12369874 mailcreated5240 halflife qwerasdf playtime kangaroo panasonic christine beautiful meridian
lonestar kittycat goodluck barcelon scoobydo crusader 12312312 guardian discover catalina 1122334455
californ angelica william1 stonecol johnjohn anastasia septembe scarlett santiago lowrider vacation
sithlord ragnarok keyboard 19921992 11112222 penguins nuttertools lorraine dkflbvbh titleist magnolia
dodgeram aspirine 1234567q qqqqqqqq munchkin mersedes imperial blueeyes zaq1xsw2 sebastian research
national colombia 01012001 rammstein katerina caliente qazwsxedcrfv oblivion mustangs margarita
formula1 a1s2d3f4 23232323 peterpan martinez justdoit goodtime alexandra thankyou springer software
sapphire richmond kingston brucelee thunder1 plymouth mariners heather1 chelsea1 123456qwerty spectrum
pineappl labrador 1234567890q 10101010 stephanie commando amsterdam webmaster southern fletcher
thompson candyman aquarius starfish monopoly infiniti blackjac 8j4ye3uz 19871987 0000000000 sailboat
richard1 godsmack emmanuel cosworth 19891989 rosemary lightnin chevrole catherin qwerty123456 01011991
luckydog 15426378 snuggles qwertyuio qwert123 ihateyou beefcake beatrice 111111111 whocares scooter1
doberman 5555555555 terminator oklahoma ncc1701a keystone 19751975 romashka pa55word golfball doughboy
charlotte achilles patrick1 gateway1 cowboys1 9876543210 vkontakte jeremiah dilligaf 19851985 vfrcbvrf
technics pinkfloy maryland kentucky hastings frederic agent007 19911991 01011985 somethin porsche9
hurrican california bearbear 73501505 microlab function flamingo enterprise 19941994 19781978 01011970
truelove nebraska meatball military macdaddy diamond1 warhammer universe sentinel kamikaze manchest
handsome dthjybrf designer blueblue australia 321654987 1qaz1qaz 01011981 pokemon1 19861986 01011986
superstar ssssssss rjirfrgbde meatloaf lifetime jamesbon 123456789z woofwoof turkey50 rfnthbyf
front242 lancelot gordon24 brandon1 bigmoney azsxdcfv rightnow maradona lionking crazybab 19931993
19901990 poiuytrewq passwort japanese 21212121 wildfire chocolate chickens arsenal1 19831983 happyday
aberdeen 19951995 13243546 123456aa treasure theodore raiders1 ericsson albatros 1passwor zxcasdqwe
sojdlg123aljg mikemike michaela 78945612 trinidad greenbay greatone fordf150 applepie 963852741
18436572 lisalisa hardrock dinosaur pa55w0rd rastaman madeline hollywood hellyeah columbus skywalker
rockhard positive melissa1 kcj9wx5n happy123 football1 february abc12345 609609609 yosemite roadkill
kingfish billyboy 123789456 tunafish saratoga robotech rasputin rangers1 passwords p0015123 nwo4life
megapass hedgehog davidson 20102010 12131415 vladislav translator splinter richards phoenix1 karolina
789789789 railroad magicman killbill 01011989 wrestlin tommyboy sherwood passpass pass1234 majestic
crawford bangbang asdasdasd cinnamon chester1 broadway snoopdog multiplelo jasmine1 catherine brighton
australi 19721972 19691969 supersta snowboar r2d2c3po mechanic mamapapa ghjcnjnfr christopher
chicken1 bullseye 20002000 skorpion saturday peterson meredith lkjhgfdsa blackhaw westwood sneakers
marino13 jamesbond getmoney boomboom beerbeer apple123 01011987 01011984 undertaker samsung1 moneyman
mmmmmmmm marianne jjjjjjjj gargoyle amsterda 1x2zkg8w 19881988 19741974 zerocool vfvfgfgf test1234
idontknow hahahaha a123456789 19731973 03082006 02071986 vfhufhbnf pppppppp motherlode lokomotiv
kristine goldstar christina chrisbln america1 20012001 12345678q whitesox titanium thursday thirteen
tazmania qwerqwer qazwsx12 panasoni paintbal newcastl giuseppe buckshot babyblue attitude 10203040
01011910 sunflowe solution godfather clarinet 12345679 southpark sersolution rhfcjnrf qwerty1234
paintball montgom240 dkflbckfd dfktynbyf 19821982 19811981 12qw34er 123qwerty salamander poseidon
pianoman avalanch 1q2w3e4r5 superman1 qwertyqwerty meathead budweise 19411945 14725836 01091989
01011992 triangle thanatos runescape gladiator crjhgbjy barefoot 25252525 02071982 zxcvbnm1 viewsonic
traveler together spongebob original mohammed medicine juliette james007 hawkeyes cerberus 135792468
12345qwe 01234567 01011975 zxasqw12 something overkill monalisa hoosiers hayabusa gfhjkm123 francesc
confused clevelan 123456654321 tttttttt smeghead moonlight megatron casanova blackjack blablabla
bbbbbbbb 12301230 syncmaster rhiannon lightning dddddddd bookworm blessing babybaby aleksandra
19961996 19791979 02091987 02021987 thegreat packers1 newpass6 19801980 02081988 02051986 02041986
02011985 01011977 roadrunn rjycnfynby rhtdtlrj mortgage goldwing christmas andromeda adrienne
12345678a 12011987 02101985 02031986 02021988 wrestling tinkerbell teddybea shannon1 mortimer madison1
ghostrider doghouse 24682468 02061985 02011987 wareagle realmadrid nokia6300 chicago1 blackbir
bcfields 1357924680 02091986 02021986 01011983 talisman starcraf sporting southpar inuyasha 7ugd5hip2j
02081987 02081984 02061986 02021984 01011982 strength seahawks recovery qweqweqwe playstation
leavemealone florida1 flexible dragonball checkers charlene beautifu baseball1 02031984 02021985
thedoors stanford mollydog illinois ghblehjr gamecube armagedon alexalex 987456321 21031988 123qq123
1234567890a 02081989 02011986 01020304 01011999 matthews mandarin lalalala gabriela ffffffff bluefish
19771977 19761976 02061989 02041984 tottenham tiberius teddybear silverad microphone dirtbike deadpool
carpedie asdfzxcv absolute 02021983 property password2 kakashka gfhjkmgfhjkm 15151515 123456qw
1234567891 02051983 02041983 02031987 02021989 z1x2c3v4 vsjasnel12 stonecold soulmate q2w3e4r5
millions lineage2 capslock bullfrog bobdylan babylove argentina annabell 11221122 02081986 02041988
02041987 02041982 02011988 yeahbaby vasilisa sergeant reynolds newyork1 magazine llllllll jayhawks
fishing1 dragon12 09876543 02101984 02081985 02071984 02011980 01011979 wg8e3wjf salasana rebecca1
pringles preacher heineken gatorade gabriell ferrari1 eldorado coolness 14141414 02021982 thunderb
telephon specialk shepherd paranoid monster1 missouri masamune mamamama laurence hopeless farscape
estrella eastwood dragonba crystal1 corleone chevrolet carlitos buttercu buddyboy 24242424 12365478
02061988 02031985 yfcntymrf winston1 slippery sandwich piramida millwall magician jackson5 insomnia
hardware fastball elizaveta borussia andromed alejandro 1234asdf 02081982 02051982 windsurf wildcard
universal sunflower strawberry reddevil polopolo pinkfloyd panther1 green123 cristian 1a2s3d4f
123456qwe 02061980 02031982 02011984 zaqxswcde washington violetta smashing robotics rjhjktdf reckless
nightmare killkill katherin jellybea hhhhhhhh gandalf1 doomsday devil666 darklord classics chrysler
browning barbados augustus 9293709b13 20202020 02091983 02061987 01081989 yjdsqgfhjkm snowboard
scrabble rainbow6 qazwsxedc123 pharmacy nevermind mariposa jakejake insanity graphics geoffrey firewall
fandango ashleigh 321321321 12051988 05051987 02101989 02101987 02071987 02071980 02041985 sweetnes
stanislav scorpio1 radiohea pumpkins mobydick longjohn iverson3 istanbul highheel happiness creature
creation concorde budapest 19711971 134679852 02091984 02091981 02091980 02061983 02041981 01011900
windmill webhompas thisisit spongebo senators sausages pineapple nygiants moonbeam marcello maksimka
loveless lollypop kleopatra katarina icehouse hooligan gertrude fullmoon dynamite bulldog1 brittney
aviation 22041987 20022002 05051985 02081977 02071988 02051988 02051987 02041979 webmaste monkeybo
master12 good123654 festival evolution cccccccc a12345678 26061987 15051981 08031986 02061984 02061982
02051989 02051984 02031981 woodland whiteout vanguard temppass earnhard coolcool 7894561230 21031987
13041988 11051987 10011986 06061986 02091985 02021981 02021979 01031988 summer99 starstar snowflak
slamdunk playboy1 mephisto michael2 kkkkkkkk kjrjvjnbd killer12 iloveyou2 holidays harrypotter
gorgeous dudedude 02101986 02081983 02041989 02011989 01011978 zxcvbnm123 volkswag scoobydoo roadster
presiden pool6123 playstat pipeline mypassword mazdarx7 lemonade krasotka koroleva irishman hawaii50
francesco freefree christma chipmunk brigitte bigblock bergkamp bearcats 74108520 45m2do5bs 30051985
24061986 22021989 21011989 20061988 14061991 13041987 12021988 11081989 03041991 02071981 02031979
02021976 01061990 01011960 yankees2 wireless starligh register nascar24 mudvayne monsters mckenzie
mazda626 kisskiss gbhfvblf freebird fantasia comanche choochoo chambers borabora asdfgh01 alessandro
abrakadabra 7777777777 23456789 23041987 19701970
password12 password1234 password! p@ssw0rd p@ssword passw0rd1 welcome123 letmein123 iloveyou1
qwerty1234 qwertyuiop1 administrator admin123 admin1234 changeme1 default1 trustno1! 1q2w3e4r5t6y7u8i
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));

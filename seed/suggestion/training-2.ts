// Category-suggestion corpus as text (parsed by domain/suggestion/classifier.ts parseCorpus): a module so the extension bundle carries it.
export default `
# Training corpus (continued): occupation of public space, urbanism, roads and sewers.
ODP-01|fr|Le café a envahi tout le trottoir avec ses tables et chaises
ODP-01|fr|Les piétons doivent marcher sur la route à cause de la terrasse du café
ODP-01|fr|Étalage du magasin qui occupe tout le trottoir
ODP-01|fr|Le commerçant expose sa marchandise sur le trottoir et bloque le passage
ODP-01|ar|المقهى احتل الرصيف كله بالطاولات والكراسي
ODP-01|ar|المارة يمشون في الطريق بسبب احتلال المقهى للرصيف
ODP-01|ar|صاحب المحل يعرض سلعته على الرصيف ويغلق الممر
ODP-01|ar|الاستغلال غير القانوني للرصيف من طرف المحلات التجارية
ODP-01|dl|l9ahwa 3ammrat trotoir kaml b tabla w korsi
ODP-01|dl|nas kaymchiw f triq 7it l9ahwa khdat trotoir
ODP-01|dl|mol l7anout 7att sel3a dyalo f trotoir w sedd triq
ODP-01|dl|les cafés dyal boulevard khdaw trotoir kaml
ODP-01|da|القهوة عمرات الطروطوار كامل بالطبالي والكراسا
ODP-01|da|الناس كيمشيو فالطريق حيت القهوة خدات الطروطوار
ODP-01|da|مول الحانوت حط السلعة ديالو فالطروطوار وسد الطريق
ODP-01|da|القهاوي ديال البولفار خداو الطروطوار كامل
ODP-02|fr|Des vendeurs ambulants occupent toute la rue avec leurs charrettes
ODP-02|fr|Marché informel devant la gare, impossible de passer
ODP-02|fr|Les marchands de légumes à la sauvette bloquent l'entrée de l'immeuble
ODP-02|fr|Souk anarchique installé chaque jour sur la place
ODP-02|ar|الباعة المتجولون يحتلون الشارع بعرباتهم
ODP-02|ar|سوق عشوائي أمام المحطة ولا يمكن المرور
ODP-02|ar|باعة الخضر الجائلون يغلقون مدخل العمارة
ODP-02|ar|الفراشة منتشرون كل يوم في الساحة
ODP-02|dl|lfrracha 3ammro zan9a b lkrawa dyalhom
ODP-02|dl|sou9 3chwa2i 9dam la gare, ma n9drouch ndouzo
ODP-02|dl|mwalin lkhodra b lkarrossa sddo lbab dyal l3imara
ODP-02|dl|lbaya3a ljawalin kolla nhar f sa7a
ODP-02|da|الفراشة عمرو الزنقة بالكراريس ديالهم
ODP-02|da|سوق عشوائي قدام لاڭار ما قدرناش ندوزو
ODP-02|da|مالين الخضرة بالكروسة سدو الباب ديال العمارة
ODP-02|da|الفراشة كل نهار فالساحة
ODP-03|fr|Des sacs de ciment et du sable déposés sur le trottoir par un voisin qui construit
ODP-03|fr|Matériaux de construction qui bloquent la chaussée
ODP-03|fr|Un tas de briques et de fer occupe la moitié de la rue
ODP-03|fr|Sable et gravier déversés devant la porte pour des travaux privés
ODP-03|ar|أكياس الإسمنت والرمل على الرصيف من طرف جار يبني
ODP-03|ar|مواد البناء تغلق الطريق
ODP-03|ar|كومة من الآجر والحديد تحتل نصف الشارع
ODP-03|ar|الرمل والحصى أمام الباب من أجل أشغال خاصة
ODP-03|dl|jar kaybni w 7att sakat dyal siman w rmel f trotoir
ODP-03|dl|lmateriel dyal lbni msedd triq
ODP-03|dl|lyajour w l7did khdaw ns zan9a
ODP-03|dl|rmla w gravette 9dam lbab, chi wa7ed kaysawb darou
ODP-03|da|جار كيبني وحط الساكات ديال السيما والرملة فالطروطوار
ODP-03|da|الماطيريال ديال البني مسد الطريق
ODP-03|da|الياجور والحديد خداو نص الزنقة
ODP-03|da|الرملة والڭرافيط قدام الباب شي واحد كيصاوب دارو
ODP-04|fr|Un voisin a mis des plots en béton pour réserver une place de parking
ODP-04|fr|Chaîne et cadenas posés en travers de la rue par un particulier
ODP-04|fr|Une barrière privée ferme l'accès à une voie publique
ODP-04|fr|Des pneus et des caisses posés sur la chaussée pour bloquer le stationnement
ODP-04|ar|جار وضع حواجز إسمنتية لحجز مكان ركن السيارة
ODP-04|ar|سلسلة وقفل في وسط الشارع من طرف شخص
ODP-04|ar|حاجز خاص يغلق الولوج إلى طريق عمومية
ODP-04|ar|عجلات وصناديق على الطريق لمنع الوقوف
ODP-04|dl|jar 7att plots dyal beton bach y7jz blasset tomobil
ODP-04|dl|chi wa7ed 7att chaine w cadna f west zan9a
ODP-04|dl|barrière khassa sddat triq l3amma
ODP-04|dl|pneuet w sna9e f triq bach ma ywa9fouch
ODP-04|da|جار حط البلوطات ديال البيطون باش يحجز بلاصة الطوموبيل
ODP-04|da|شي واحد حط السنسلة والقفل فوسط الزنقة
ODP-04|da|باريير خاصة سدات الطريق العامة
ODP-04|da|البنوات والصناديق فالطريق باش ما يوقفوش
ODP-05|fr|Affiches collées partout sur les murs et les poteaux
ODP-05|fr|Panneau publicitaire illégal installé sans autorisation
ODP-05|fr|Affichage sauvage sur la façade de l'école
ODP-05|fr|Banderoles publicitaires accrochées aux lampadaires
ODP-05|ar|ملصقات في كل مكان على الجدران والأعمدة
ODP-05|ar|لوحة إشهارية غير قانونية بدون ترخيص
ODP-05|ar|إشهار عشوائي على واجهة المدرسة
ODP-05|ar|لافتات إشهارية معلقة على أعمدة الإنارة
ODP-05|dl|l affiches mlsou9in f ga3 l7yout
ODP-05|dl|panneau dyal publicité bla rokhsa
ODP-05|dl|lssa9o l affiches 3la l 7it dyal l madrassa
ODP-05|dl|publicité m3l9a f les poteaux
ODP-05|da|الأفيشات ملصقين فقاع الحيوط
ODP-05|da|پانو ديال الپيبليسيطي بلا رخصة
ODP-05|da|لصقو الأفيشات على الحيط ديال المدرسة
ODP-05|da|الإشهار معلق فالپوطوات
ODP-06|fr|Une voiture abandonnée sans roues depuis des mois dans notre rue
ODP-06|fr|Épave de camion rouillée qui sert de dépotoir
ODP-06|fr|Carcasse de voiture brûlée laissée sur le parking
ODP-06|fr|Véhicule abandonné couvert de poussière, pneus crevés
ODP-06|ar|سيارة متخلى عنها بدون عجلات منذ أشهر في شارعنا
ODP-06|ar|هيكل شاحنة صدئ يستعمل كمطرح
ODP-06|ar|هيكل سيارة محروقة متروك في الموقف
ODP-06|ar|مركبة مهملة مغطاة بالغبار وعجلاتها مثقوبة
ODP-06|dl|tomobil mlo7a bla rwayd hadi chhor f zan9a
ODP-06|dl|camion 9dim mssddi wella fih zbel
ODP-06|dl|carcasse dyal tomobil m7rou9a f l parking
ODP-06|dl|tomobil mhmla 3amra ghobra w les pneus mthe9bin
ODP-06|da|طوموبيل ملوحة بلا رويضات هادي شهور فالزنقة
ODP-06|da|كاميو قديم مصدي ولا فيه الزبل
ODP-06|da|الهيكل ديال طوموبيل محروقة فالپاركينڭ
ODP-06|da|طوموبيل مهملة عامرة غبرة والبنوات متقبين
URB-01|fr|Construction d'un étage supplémentaire sans autorisation
URB-01|fr|Mon voisin construit sans permis de construire
URB-01|fr|Bâtiment illégal en cours de construction la nuit
URB-01|fr|Construction anarchique sur un terrain public
URB-01|ar|بناء طابق إضافي بدون رخصة
URB-01|ar|جاري يبني بدون رخصة البناء
URB-01|ar|بناية غير قانونية في طور البناء ليلا
URB-01|ar|بناء عشوائي فوق أرض عمومية
URB-01|dl|jari kaybni tab9a zayda bla rokhsa
URB-01|dl|kaybniw bla permis f lil bach ma ychofhomch 7ad
URB-01|dl|bni 3chwa2i f l ard dyal dawla
URB-01|dl|zado tab9a f sta7 bla rokhsa
URB-01|da|جاري كيبني طبقة زايدة بلا رخصة
URB-01|da|كيبنيو بلا رخصة فالليل باش ما يشوفهم حد
URB-01|da|البني العشوائي فالأرض ديال الدولة
URB-01|da|زادو طبقة فالسطح بلا رخصة
URB-02|fr|Les travaux ne respectent pas le permis, ils ont dépassé la hauteur
URB-02|fr|Le propriétaire a ouvert une fenêtre sur notre cour contrairement au plan
URB-02|fr|Travaux non conformes : garage transformé en commerce
URB-02|fr|Extension de la maison au-delà de ce qui est autorisé
URB-02|ar|الأشغال مخالفة للرخصة وتجاوزت العلو المسموح
URB-02|ar|المالك فتح نافذة على فنائنا خلافا للتصميم
URB-02|ar|أشغال غير مطابقة تحويل مرآب إلى محل تجاري
URB-02|ar|توسيع المنزل أكثر مما هو مرخص
URB-02|dl|l2achghal ma mtab9inch m3a rokhsa, tl3o fo9 l3olou
URB-02|dl|mol dar 7ell chrjem 3la l wst dyalna w lplan ma fihch
URB-02|dl|bdlo garage l 7anout bla ma y7trmo rokhsa
URB-02|dl|wss3o dar kter mn dakchi li m sm7 lihom
URB-02|da|الأشغال ما مطابقينش مع الرخصة طلعو فوق العلو
URB-02|da|مول الدار حل شرجم على الوسط ديالنا والپلان ما فيهش
URB-02|da|بدلو الڭاراج لحانوت بلا ما يحترمو الرخصة
URB-02|da|وسعو الدار كتر من داكشي اللي مسموح ليهم
URB-03|fr|Chantier ouvert sans clôture, les enfants y jouent
URB-03|fr|Tranchée profonde non protégée devant un chantier
URB-03|fr|Grue instable et pas de palissade autour du chantier
URB-03|fr|Le chantier n'a aucune signalisation ni barrière, c'est dangereux
URB-03|ar|ورش مفتوح بدون سياج والأطفال يلعبون فيه
URB-03|ar|حفرة عميقة غير محمية أمام ورش البناء
URB-03|ar|رافعة غير مستقرة ولا يوجد سياج حول الورش
URB-03|ar|الورش بدون أي إشارة أو حاجز وهو خطير
URB-03|dl|chantier m7loul bla sur, drari kayl3bo fih
URB-03|dl|7fra kbira 9dam chantier bla 7maya
URB-03|dl|la grue ma tabtach w ma kaynch 7ajez 7da chantier
URB-03|dl|chantier khatir bla 7ta signalisation
URB-03|da|الشانطي محلول بلا سور والدراري كيلعبو فيه
URB-03|da|حفرة كبيرة قدام الشانطي بلا حماية
URB-03|da|لاڭريو ما تابتاش وما كاينش حاجز حدا الشانطي
URB-03|da|الشانطي خطير بلا حتى إشارة
URB-04|fr|Le vieil immeuble se fissure et des morceaux tombent dans la rue
URB-04|fr|Maison menaçant ruine dans l'ancienne médina, les murs penchent
URB-04|fr|Le balcon de l'immeuble risque de s'effondrer sur les passants
URB-04|fr|Fissures énormes dans les murs, on a peur que la maison tombe
URB-04|ar|العمارة القديمة تتشقق وتسقط منها أجزاء في الشارع
URB-04|ar|منزل آيل للسقوط في المدينة القديمة والجدران مائلة
URB-04|ar|شرفة العمارة مهددة بالانهيار على المارة
URB-04|ar|شقوق كبيرة في الجدران ونخاف أن ينهار المنزل
URB-04|dl|l3imara l9dima kat tche99e9 w kay ti7o mnha tra7i
URB-04|dl|dar ghadi ttih f lmdina l9dima, l7yout mmayla
URB-04|dl|lbalcon ghadi yti7 3la nas li daydouzo
URB-04|dl|chqouq kbar f l7yout, khayfin dar t ti7 3lina
URB-04|da|العمارة القديمة كتشقق وكيطيحو منها طراف
URB-04|da|دار غادي تطيح فالمدينة القديمة الحيوط مايلين
URB-04|da|البالكون غادي يطيح على الناس اللي دايزين
URB-04|da|الشقوق كبار فالحيوط خايفين الدار تطيح علينا
URB-05|fr|Le chantier voisin travaille la nuit avec des machines bruyantes
URB-05|fr|Poussière du chantier qui envahit nos appartements
URB-05|fr|Bruit de marteau-piqueur dès six heures du matin
URB-05|fr|Les camions du chantier font du bruit et de la poussière toute la journée
URB-05|ar|الورش المجاور يشتغل ليلا بآلات مزعجة
URB-05|ar|غبار الورش يدخل إلى شققنا
URB-05|ar|ضجيج آلة الحفر منذ السادسة صباحا
URB-05|ar|شاحنات الورش تحدث الضجيج والغبار طوال اليوم
URB-05|dl|chantier li 7dana khddam f lil b les machines
URB-05|dl|l ghobra dyal chantier dakhla l dyourna
URB-05|dl|sda3 dyal marteau piqueur mn 6 d sba7
URB-05|dl|les camions dyal chantier kaysd3o w kaynfdo ghobra
URB-05|da|الشانطي اللي حدانا خدام فالليل بالماكينات
URB-05|da|الغبرة ديال الشانطي داخلة لديورنا
URB-05|da|الصداع ديال الماطو پيكور من الستة ديال الصباح
URB-05|da|الكاميوات ديال الشانطي كيصدعو وكينفضو الغبرة
VOI-01|fr|Gros nid-de-poule au milieu de l'avenue, les voitures l'évitent au dernier moment
VOI-01|fr|La chaussée est complètement défoncée après les pluies
VOI-01|fr|Trou dans la route qui a crevé mon pneu
VOI-01|fr|Route pleine de trous et de bosses, asphalte dégradé
VOI-01|ar|حفرة كبيرة وسط الشارع والسيارات تتفاداها في آخر لحظة
VOI-01|ar|الطريق مهترئة تماما بعد الأمطار
VOI-01|ar|حفرة في الطريق ثقبت عجلة سيارتي
VOI-01|ar|الطريق مليئة بالحفر والزفت متدهور
VOI-01|dl|kayna 7ofra kbira f west triq, tomobilat kayhrbo mnha
VOI-01|dl|triq mherrsa kamla mor chta
VOI-01|dl|wa7ed l7ofra f triq t9batli roue
VOI-01|dl|triq kolha 7fari, l goudron tkhser
VOI-01|da|كاينة حفرة كبيرة فوسط الطريق الطوموبيلات كيهربو منها
VOI-01|da|الطريق مهرسة كاملة مور الشتا
VOI-01|da|واحد الحفرة فالطريق تقبات ليا الرويضة
VOI-01|da|الطريق كلها حفاري والڭودرون تخسر
VOI-02|fr|Le trottoir est cassé, les dalles sont soulevées, une dame est tombée
VOI-02|fr|Trottoir défoncé impossible pour les poussettes et fauteuils roulants
VOI-02|fr|Bordure de trottoir effondrée devant l'école
VOI-02|fr|Les pavés du trottoir ont disparu
VOI-02|ar|الرصيف مكسور والبلاط مرفوع وسقطت امرأة
VOI-02|ar|رصيف متدهور لا يصلح لعربات الأطفال والكراسي المتحركة
VOI-02|ar|حافة الرصيف منهارة أمام المدرسة
VOI-02|ar|بلاط الرصيف اختفى
VOI-02|dl|trotoir mherres, zlij tl3 w wa7ed lmra ta7t
VOI-02|dl|trotoir mkhser ma ymknch tdouz b karossa dyal drari
VOI-02|dl|l bordure dyal trotoir t7ayydat 9dam l madrassa
VOI-02|dl|lblat dyal trotoir t9l3 kaml
VOI-02|da|الطروطوار مهرس الزليج طلع وواحد المرا طاحت
VOI-02|da|الطروطوار مخسر ما يمكنش تدوز بالكروسة ديال الدراري
VOI-02|da|البوردور ديال الطروطوار تحيد قدام المدرسة
VOI-02|da|البلاط ديال الطروطوار تقلع كامل
VOI-03|fr|Bouche d'égout sans couvercle au milieu du trottoir, un enfant a failli tomber
VOI-03|fr|Le regard d'assainissement est ouvert, grand trou dangereux
VOI-03|fr|Plaque d'égout volée, trou béant dans la rue
VOI-03|fr|Couvercle de regard cassé, risque de chute
VOI-03|ar|بالوعة بدون غطاء وسط الرصيف وكاد طفل أن يسقط
VOI-03|ar|فتحة الصرف الصحي مفتوحة وحفرة خطيرة
VOI-03|ar|غطاء البالوعة مسروق وحفرة كبيرة في الشارع
VOI-03|ar|غطاء البالوعة مكسور وخطر السقوط
VOI-03|dl|bala3a bla ghta f west trotoir, wa7ed drri 9rib y ti7
VOI-03|dl|regard dyal l9ado m7loul, 7ofra khatira
VOI-03|dl|sr9o lghta dyal l bala3a, bqat 7ofra kbira
VOI-03|dl|ghta dyal l9ado mherres w khatar
VOI-03|da|بالوعة بلا غطا فوسط الطروطوار واحد الدري قريب يطيح
VOI-03|da|الرݣار ديال الواد الحار محلول حفرة خطيرة
VOI-03|da|سرقو الغطا ديال البالوعة بقات حفرة كبيرة
VOI-03|da|الغطا ديال الواد الحار مهرس وخطر
VOI-04|fr|L'avaloir est bouché et la rue est inondée à chaque pluie
VOI-04|fr|Débordement d'égout, les eaux usées coulent dans la rue
VOI-04|fr|Canalisation bouchée, l'eau sale remonte dans les maisons
VOI-04|fr|Inondation de la rue, les bouches d'eau pluviale ne fonctionnent pas
VOI-04|ar|البالوعة مسدودة والشارع يغرق مع كل مطر
VOI-04|ar|فيضان الواد الحار والمياه العادمة تسيل في الشارع
VOI-04|ar|قناة الصرف مسدودة والمياه المتسخة تصعد إلى المنازل
VOI-04|ar|غرق الشارع لأن بالوعات مياه الأمطار لا تعمل
VOI-04|dl|lbala3a msdouda w zan9a katghre9 m3a kol chta
VOI-04|dl|l9ado tfaye9, lma l7ar kaysil f zan9a
VOI-04|dl|lmja9a msdouda w lma lmwssekh tal3 l dyour
VOI-04|dl|zan9a ghr9at, l bala3at ma khddaminch
VOI-04|da|البالوعة مسدودة والزنقة كتغرق مع كل شتا
VOI-04|da|الواد الحار تفايض والما الحار كيسيل فالزنقة
VOI-04|da|القادوس مسدود والما الموسخ طالع للديور
VOI-04|da|الزنقة غرقات البالوعات ما خدامينش
VOI-05|fr|Banc public cassé dans le jardin de la place
VOI-05|fr|Barrière de sécurité arrachée au bord de la route
VOI-05|fr|Potelets renversés sur le trottoir
VOI-05|fr|Abribus endommagé, vitres brisées
VOI-05|ar|كرسي عمومي مكسور في حديقة الساحة
VOI-05|ar|حاجز السلامة مقتلع على جانب الطريق
VOI-05|ar|الأعمدة الصغيرة مقلوبة على الرصيف
VOI-05|ar|مظلة الحافلة متضررة وزجاجها مكسر
VOI-05|dl|lbanc dyal jarda mherres
VOI-05|dl|lbarrière dyal triq t9l3at
VOI-05|dl|les potelets mtay7in f trotoir
VOI-05|dl|abribus mkesser w zaj dyalo mherres
VOI-05|da|البانك ديال الجردة مهرس
VOI-05|da|الباريير ديال الطريق تقلعات
VOI-05|da|الپوطولي طايحين فالطروطوار
VOI-05|da|المحطة ديال الطوبيس مكسرة والزاج ديالها مهرس
`;

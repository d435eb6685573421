Authentication-Results: myt6-50f129ea7c6f.qloud-c.yandex.net; spf=pass (myt6-50f129ea7c6f.qloud-c.yandex.net: domain of mail.ru designates 94.100.181.251 as permitted sender, rule=[ip4:94.100.176.0/20]) smtp.mail=alice@mail.ru; dkim=pass header.i=@mail.ru
From: <alice@mail.ru>
To: <alice@yandex.ru>
